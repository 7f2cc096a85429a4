import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

// max(0, min(1, alpha * x + beta))
export default defineUnaryOp('HardSigmoid', {
  sinceVersion: 1,
  versions: [1, 6], types: { T: FLOATS },
  attributes: { alpha: { type: 'float', default: 0.2 }, beta: { type: 'float', default: 0.5 }, ...CONSUMED_INPUTS },
});
