import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

// x * HardSigmoid(x) with alpha 1/6, beta 0.5.
export default defineKernel('HardSwish', unaryKernel((x) => x * Math.max(0, Math.min(1, x / 6 + 0.5))));
