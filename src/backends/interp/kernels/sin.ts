import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Sin', unaryKernel(Math.sin));
