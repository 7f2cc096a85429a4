import { defineUnaryOp } from './_elementwise';

// x < -lambd ? x + bias : x > lambd ? x - bias : 0 (numeric dtypes, integers included).
export default defineUnaryOp('Shrink', {
  sinceVersion: 9,
  untilVersion: 9,
  attributes: { bias: { type: 'float', default: 0.0 }, lambd: { type: 'float', default: 0.5 } },
});
