import { defineOp } from './registry';

/**
 * hodu-internal (domain `ai.hodu`): sums `grad` down to the shape of `like` — the inverse of numpy
 * broadcasting. The Gradient expansion (src/passes/expand-gradient.ts) uses it so that the gradient of a
 * broadcast input has that input's shape. Never appears in a model file.
 */
export default defineOp({
  op: 'SumToShape',
  domain: 'ai.hodu',
  sinceVersion: 1,
  inputs: [{ name: 'grad' }, { name: 'like' }],
  outputs: [{ name: 'out' }],
  attributes: {},
  infer: (ctx) => [{ dtype: ctx.inputs[0]?.dtype, shape: ctx.inputs[1]?.shape?.slice() }],
});
