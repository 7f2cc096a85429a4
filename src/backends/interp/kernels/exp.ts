import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Exp', unaryKernel(Math.exp));
