import matmul from './matmul';
import { defineOp } from './schema';

// QLinearMatMul-10 (21 adds float16/bfloat16 scales): quantized numpy.matmul; output has y_zero_point's dtype.
export default defineOp({
  op: 'QLinearMatMul',
  sinceVersion: 10,
  versions: [10, 21], types: { T1: ['int8', 'uint8'], T2: ['int8', 'uint8'], T3: ['int8', 'uint8'] },
  inputs: [
    { name: 'a', type: 'T1' }, { name: 'a_scale', type: 'float32' }, { name: 'a_zero_point', type: 'T1' },
    { name: 'b', type: 'T2' }, { name: 'b_scale', type: 'float32' }, { name: 'b_zero_point', type: 'T2' },
    { name: 'y_scale', type: 'float32' }, { name: 'y_zero_point', type: 'T3' },
  ],
  outputs: [{ name: 'y', type: 'T3' }],
  attributes: {},
  infer(ctx) {
    const [a, , , b, , , , yzp] = ctx.inputs;
    const shape = matmul.infer!({ ...ctx, inputs: [a, b] })[0]!.shape;
    return [{ dtype: yzp?.dtype ?? a?.dtype, shape }];
  },
});
