import { defineUnaryToOp } from './_elementwise';

export default defineUnaryToOp('IsInf', 'bool', {
  sinceVersion: 10,
  untilVersion: 20,
  attributes: { detect_negative: { type: 'int', default: 1 }, detect_positive: { type: 'int', default: 1 } },
});
