import conv from './conv';
import { defineOp } from './schema';

// QLinearConv-10: quantized Conv; the output has y_zero_point's dtype (uint8 or int8).
export default defineOp({
  op: 'QLinearConv',
  sinceVersion: 10,
  versions: [10], types: { T1: ['int8', 'uint8'], T2: ['int8', 'uint8'], T3: ['int8', 'uint8'], T4: ['int32'] },
  inputs: [
    { name: 'x', type: 'T1' }, { name: 'x_scale', type: 'float32' }, { name: 'x_zero_point', type: 'T1' },
    { name: 'w', type: 'T2' }, { name: 'w_scale', type: 'float32' }, { name: 'w_zero_point', type: 'T2' },
    { name: 'y_scale', type: 'float32' }, { name: 'y_zero_point', type: 'T3' }, { name: 'B', type: 'T4', optional: true },
  ],
  outputs: [{ name: 'y', type: 'T3' }],
  attributes: conv.attributes,
  infer(ctx) {
    const [x, , , w, , , , yzp] = ctx.inputs;
    const shape = conv.infer!({ ...ctx, inputs: [x, w] })[0]!.shape;
    return [{ dtype: yzp?.dtype ?? x?.dtype, shape }];
  },
});
