import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

// max(0, min(1, alpha * x + beta))
export default defineUnaryOp('HardSigmoid', {
  sinceVersion: 1,
  untilVersion: 6,
  attributes: { alpha: { type: 'float', default: 0.2 }, beta: { type: 'float', default: 0.5 }, ...CONSUMED_INPUTS },
});
