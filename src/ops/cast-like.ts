import { defineOp } from './schema';
import { ALL } from './_types';

// Cast `input` to the dtype of `target_type` (whose values are ignored). Opset 15; 19 added `saturate`.
export default defineOp({
  op: 'CastLike',
  sinceVersion: 15,
  versions: [15, 19, 21], types: { T1: ALL, T2: ALL },
  inputs: [{ name: 'input', type: 'T1' }, { name: 'target_type', type: 'T2' }],
  outputs: [{ name: 'output', type: 'T2' }],
  attributes: { saturate: { type: 'int', default: 1 } },
  infer: (ctx) => [{ dtype: ctx.inputs[1]?.dtype, shape: ctx.inputs[0]?.shape?.slice() }],
});
