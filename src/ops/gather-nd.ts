import type { Dim } from '../ir/graph';
import { shapeError } from './_dim-inference';
import { defineOp } from './schema';
import { ALL } from './_types';

// GatherND-11/12 (batch_dims)/13: out shape = indices.shape[:-1] + data.shape[batch_dims + indices.shape[-1]:].
export default defineOp({
  op: 'GatherND',
  sinceVersion: 11,
  versions: [11, 12, 13], types: { T: ALL },
  inputs: [{ name: 'data', type: 'T' }, { name: 'indices', type: 'int64' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { batch_dims: { type: 'int', default: 0 } },
  infer(ctx) {
    const [data, indices] = ctx.inputs;
    const k = indices?.shape?.[indices.shape.length - 1];
    if (!data?.shape || !indices?.shape || typeof k !== 'number') return [{ dtype: data?.dtype }];
    const b = ctx.attr<number>('batch_dims');
    if (b + k > data.shape.length) throw shapeError(ctx, `batch_dims ${b} + index depth ${k} exceeds data rank ${data.shape.length}`);
    return [{ dtype: data.dtype, shape: [...indices.shape.slice(0, -1), ...data.shape.slice(b + k)] as Dim[] }];
  },
});
