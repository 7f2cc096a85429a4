import { defineOp } from './registry';

// Cast `input` to the dtype of `target_type` (whose values are ignored). Opset 15; 19 added `saturate`.
export default defineOp({
  op: 'CastLike',
  sinceVersion: 15,
  untilVersion: 21,
  inputs: [{ name: 'input' }, { name: 'target_type' }],
  outputs: [{ name: 'output' }],
  attributes: { saturate: { type: 'int', default: 1 } },
  infer: (ctx) => [{ dtype: ctx.inputs[1]?.dtype, shape: ctx.inputs[0]?.shape?.slice() }],
});
