import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Cosh', unaryKernel(Math.cosh));
