import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Asinh', unaryKernel(Math.asinh));
