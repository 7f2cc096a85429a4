import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Floor', unaryKernel(Math.floor));
