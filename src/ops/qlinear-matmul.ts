import matmul from './matmul';
import { defineOp } from './registry';

// QLinearMatMul-10 (21 adds float16/bfloat16 scales): quantized numpy.matmul; output has y_zero_point's dtype.
export default defineOp({
  op: 'QLinearMatMul',
  sinceVersion: 10,
  untilVersion: 21,
  inputs: [
    { name: 'a' }, { name: 'a_scale' }, { name: 'a_zero_point' },
    { name: 'b' }, { name: 'b_scale' }, { name: 'b_zero_point' },
    { name: 'y_scale' }, { name: 'y_zero_point' },
  ],
  outputs: [{ name: 'y' }],
  attributes: {},
  infer(ctx) {
    const [a, , , b, , , , yzp] = ctx.inputs;
    const shape = matmul.infer!({ ...ctx, inputs: [a, b] })[0]!.shape;
    return [{ dtype: yzp?.dtype ?? a?.dtype, shape }];
  },
});
