import { defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

// mish(x) = x * tanh(softplus(x)).
export default defineUnaryOp('Mish', { sinceVersion: 18, versions: [18], types: { T: FLOATS } });
