import conv from './conv';
import { defineOp } from './registry';

// ConvInteger-10: Conv over (x - x_zero_point) and (w - w_zero_point), int32 output.
export default defineOp({
  op: 'ConvInteger',
  sinceVersion: 10,
  untilVersion: 21,
  inputs: [{ name: 'x' }, { name: 'w' }, { name: 'x_zero_point', optional: true }, { name: 'w_zero_point', optional: true }],
  outputs: [{ name: 'y' }],
  attributes: conv.attributes,
  infer: (ctx) => [{ dtype: 'int32', shape: conv.infer!(ctx)[0]!.shape }],
});
