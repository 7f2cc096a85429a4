import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

// Negative inputs give NaN.
export default defineKernel('Sqrt', unaryKernel(Math.sqrt));
