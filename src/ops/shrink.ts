import { defineUnaryOp } from './_elementwise';
import { NUMERIC_BUT_BF16 } from './_types';

// x < -lambd ? x + bias : x > lambd ? x - bias : 0 (numeric dtypes, integers included).
export default defineUnaryOp('Shrink', {
  sinceVersion: 9,
  versions: [9], types: { T: NUMERIC_BUT_BF16 },
  attributes: { bias: { type: 'float', default: 0.0 }, lambd: { type: 'float', default: 0.5 } },
});
