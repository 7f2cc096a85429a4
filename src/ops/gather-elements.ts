import { defineOp } from './registry';

// GatherElements-11/13: out[i][j][k] = data[indices[i][j][k]][j][k] (axis 0); out has the indices' shape.
export default defineOp({
  op: 'GatherElements',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'data' }, { name: 'indices' }],
  outputs: [{ name: 'output' }],
  attributes: { axis: { type: 'int', default: 0 } },
  infer: (ctx) => [{ dtype: ctx.inputs[0]?.dtype, shape: ctx.inputs[1]?.shape?.slice() }],
});
