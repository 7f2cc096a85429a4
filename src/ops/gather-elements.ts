import { defineOp } from './schema';
import { ALL, INDEX } from './_types';

// GatherElements-11/13: out[i][j][k] = data[indices[i][j][k]][j][k] (axis 0); out has the indices' shape.
export default defineOp({
  op: 'GatherElements',
  sinceVersion: 11,
  versions: [11, 13], types: { T: ALL, Tind: INDEX },
  inputs: [{ name: 'data', type: 'T' }, { name: 'indices', type: 'Tind' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { axis: { type: 'int', default: 0 } },
  infer: (ctx) => [{ dtype: ctx.inputs[0]?.dtype, shape: ctx.inputs[1]?.shape?.slice() }],
});
