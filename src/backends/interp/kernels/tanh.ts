import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default defineKernel('Tanh', unaryKernel(Math.tanh));
