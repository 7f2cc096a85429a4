import { defineUnaryToOp } from './_elementwise';
import { FLOATS_BF16 } from './_types';

export default defineUnaryToOp('IsInf', 'bool', {
  sinceVersion: 10,
  versions: [10, 20], types: { T1: FLOATS_BF16, T2: ['bool'] },
  attributes: { detect_negative: { type: 'int', default: 1 }, detect_positive: { type: 'int', default: 1 } },
});
