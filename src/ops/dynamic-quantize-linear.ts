import { defineOp } from './schema';

// DynamicQuantizeLinear-11: float32 x → uint8 y, float32 scalar y_scale, uint8 scalar y_zero_point.
export default defineOp({
  op: 'DynamicQuantizeLinear',
  sinceVersion: 11,
  versions: [11], types: { T1: ['float32'], T2: ['uint8'] },
  inputs: [{ name: 'x', type: 'T1' }],
  outputs: [{ name: 'y', type: 'T2' }, { name: 'y_scale', type: 'float32' }, { name: 'y_zero_point', type: 'T2' }],
  attributes: {},
  infer: (ctx) => [{ dtype: 'uint8', shape: ctx.inputs[0]?.shape?.slice() }, { dtype: 'float32', shape: [] }, { dtype: 'uint8', shape: [] }],
});
