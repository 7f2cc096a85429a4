import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

// sign(0) = 0; NaN stays NaN.
export default defineKernel('Sign', unaryKernel((x) => (x > 0 ? 1 : x < 0 ? -1 : x), (x) => (x > 0n ? 1n : x < 0n ? -1n : 0n)));
