import { normalizeAxis } from '../ir/axis';
import { defineOp } from './schema';
import { ALL, INDEX } from './_types';

// Gather-1/11/13: out = data[:axis] + indices.shape + data[axis+1:]; negative indices from opset 11.
export default defineOp({
  op: 'Gather',
  sinceVersion: 1,
  versions: [1, 11, 13], types: { T: ALL, Tind: INDEX },
  inputs: [{ name: 'data', type: 'T' }, { name: 'indices', type: 'Tind' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { axis: { type: 'int', default: 0 } },
  infer(ctx) {
    const [data, indices] = ctx.inputs;
    if (!data?.shape || !indices?.shape) return [{ dtype: data?.dtype }];
    const axis = normalizeAxis(ctx.attr<number>('axis'), data.shape.length, ctx.node);
    return [{ dtype: data.dtype, shape: [...data.shape.slice(0, axis), ...indices.shape, ...data.shape.slice(axis + 1)] }];
  },
});
