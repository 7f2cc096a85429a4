import conv from './conv';
import { defineOp } from './schema';

// ConvInteger-10: Conv over (x - x_zero_point) and (w - w_zero_point), int32 output.
export default defineOp({
  op: 'ConvInteger',
  sinceVersion: 10,
  versions: [10], types: { T1: ['int8', 'uint8'], T2: ['int8', 'uint8'], T3: ['int32'] },
  inputs: [{ name: 'x', type: 'T1' }, { name: 'w', type: 'T2' }, { name: 'x_zero_point', type: 'T1', optional: true }, { name: 'w_zero_point', type: 'T2', optional: true }],
  outputs: [{ name: 'y', type: 'T3' }],
  attributes: conv.attributes,
  infer: (ctx) => [{ dtype: 'int32', shape: conv.infer!(ctx)[0]!.shape }],
});
