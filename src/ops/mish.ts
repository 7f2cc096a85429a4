import { defineUnaryOp } from './_elementwise';

// mish(x) = x * tanh(softplus(x)).
export default defineUnaryOp('Mish', { sinceVersion: 18, untilVersion: 18 });
