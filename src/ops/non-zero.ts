import { defineOp } from './registry';

// NonZero-9/13: int64 [rank, count] of the coordinates of non-zero elements, row-major order.
export default defineOp({
  op: 'NonZero',
  sinceVersion: 9,
  untilVersion: 21,
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {},
  infer: (ctx) => [{ dtype: 'int64', shape: [ctx.inputs[0]?.shape?.length ?? '?', '?'] }],
});
