import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

// log(0) = -inf, negative inputs give NaN.
export default defineKernel('Log', unaryKernel(Math.log));
