import { defineUnaryOp } from './_elementwise';

// x * HardSigmoid(x) with alpha 1/6, beta 0.5.
export default defineUnaryOp('HardSwish', { sinceVersion: 14, untilVersion: 14 });
