import { defineUnaryOp } from './_elementwise';

// sign(0) = 0; NaN stays NaN.
export default defineUnaryOp('Sign', { sinceVersion: 9, untilVersion: 13 });
