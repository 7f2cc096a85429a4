import conv from './conv';
import { defineOp } from './registry';

// QLinearConv-10: quantized Conv; the output has y_zero_point's dtype (uint8 or int8).
export default defineOp({
  op: 'QLinearConv',
  sinceVersion: 10,
  untilVersion: 21,
  inputs: [
    { name: 'x' }, { name: 'x_scale' }, { name: 'x_zero_point' },
    { name: 'w' }, { name: 'w_scale' }, { name: 'w_zero_point' },
    { name: 'y_scale' }, { name: 'y_zero_point' }, { name: 'B', optional: true },
  ],
  outputs: [{ name: 'y' }],
  attributes: conv.attributes,
  infer(ctx) {
    const [x, , , w, , , , yzp] = ctx.inputs;
    const shape = conv.infer!({ ...ctx, inputs: [x, w] })[0]!.shape;
    return [{ dtype: yzp?.dtype ?? x?.dtype, shape }];
  },
});
