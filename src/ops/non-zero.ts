import { defineOp } from './schema';
import { ALL } from './_types';

// NonZero-9/13: int64 [rank, count] of the coordinates of non-zero elements, row-major order.
export default defineOp({
  op: 'NonZero',
  sinceVersion: 9,
  versions: [9, 13], types: { T: ALL },
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'int64' }],
  attributes: {},
  infer: (ctx) => [{ dtype: 'int64', shape: [ctx.inputs[0]?.shape?.length ?? '?', '?'] }],
});
