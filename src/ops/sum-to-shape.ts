import { defineOp } from './schema';
import { FLOATS_BF16 } from './_types';
import { HODU_DOMAIN } from '../ir/op-id';

/**
 * hodu-internal (domain `ai.hodu`): sums `grad` down to the shape of `like` — the inverse of numpy
 * broadcasting. The Gradient expansion (src/passes/expand-gradient.ts) uses it so that the gradient of a
 * broadcast input has that input's shape. Never appears in a model file.
 */
export default defineOp({
  op: 'SumToShape',
  domain: HODU_DOMAIN,
  sinceVersion: 1,
  versions: [1], types: { T: FLOATS_BF16 },
  inputs: [{ name: 'grad', type: 'T' }, { name: 'like', type: 'T' }],
  outputs: [{ name: 'out', type: 'T' }],
  attributes: {},
  infer: (ctx) => [{ dtype: ctx.inputs[0]?.dtype, shape: ctx.inputs[1]?.shape?.slice() }],
});
