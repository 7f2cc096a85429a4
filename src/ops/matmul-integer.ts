import matmul from './matmul';
import { defineOp } from './registry';

// MatMulInteger-10: numpy.matmul of (A - a_zero_point) and (B - b_zero_point), int32 output.
export default defineOp({
  op: 'MatMulInteger',
  sinceVersion: 10,
  untilVersion: 21,
  inputs: [{ name: 'A' }, { name: 'B' }, { name: 'a_zero_point', optional: true }, { name: 'b_zero_point', optional: true }],
  outputs: [{ name: 'Y' }],
  attributes: {},
  infer: (ctx) => [{ dtype: 'int32', shape: matmul.infer!(ctx)[0]!.shape }],
});
