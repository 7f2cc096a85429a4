import matmul from './matmul';
import { defineOp } from './schema';

// MatMulInteger-10: numpy.matmul of (A - a_zero_point) and (B - b_zero_point), int32 output.
export default defineOp({
  op: 'MatMulInteger',
  sinceVersion: 10,
  versions: [10], types: { T1: ['int8', 'uint8'], T2: ['int8', 'uint8'], T3: ['int32'] },
  inputs: [{ name: 'A', type: 'T1' }, { name: 'B', type: 'T2' }, { name: 'a_zero_point', type: 'T1', optional: true }, { name: 'b_zero_point', type: 'T2', optional: true }],
  outputs: [{ name: 'Y', type: 'T3' }],
  attributes: {},
  infer: (ctx) => [{ dtype: 'int32', shape: matmul.infer!(ctx)[0]!.shape }],
});
