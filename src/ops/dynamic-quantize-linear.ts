import { defineOp } from './registry';

// DynamicQuantizeLinear-11: float32 x → uint8 y, float32 scalar y_scale, uint8 scalar y_zero_point.
export default defineOp({
  op: 'DynamicQuantizeLinear',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }, { name: 'y_scale' }, { name: 'y_zero_point' }],
  attributes: {},
  infer: (ctx) => [{ dtype: 'uint8', shape: ctx.inputs[0]?.shape?.slice() }, { dtype: 'float32', shape: [] }, { dtype: 'uint8', shape: [] }],
});
