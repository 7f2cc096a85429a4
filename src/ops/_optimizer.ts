import { defineOp } from './schema';
import type { AttrSpec, InferContext, InferOutput, OpFacts, OpSchema } from './schema';

import { TRAINING_DOMAIN } from '../ir/op-id';

/**
 * Inference for Adagrad/Adam/Momentum: inputs are (R, T, X..., G..., S1..., S2...) with n tensors per group;
 * outputs are (X_new..., S1_new..., ...), each typed like the input it replaces (the group after skipping G).
 */
function inferOptimizer(ctx: InferContext, stateGroups: number): InferOutput[] {
  const n = (ctx.inputs.length - 2) / (2 + stateGroups);
  return ctx.node.outputs.map((_, k) => {
    const group = Math.floor(k / n);
    const src = ctx.inputs[2 + (group === 0 ? 0 : group + 1) * n + (k % n)];
    return { dtype: src?.dtype, shape: src?.shape?.slice() };
  });
}

/**
 * An ai.onnx.preview.training optimizer (opset 1): inputs (R, T, X..., G..., then `stateGroups` groups of
 * state), outputs the updated X and states.
 */
export function defineOptimizerOp(op: string, stateGroups: number, facts: OpFacts, attributes: Record<string, AttrSpec>): OpSchema {
  return defineOp({
    op,
    domain: TRAINING_DOMAIN,
    sinceVersion: 1,
    ...facts,
    inputs: [{ name: 'R', type: 'T1' }, { name: 'T', type: 'T2' }, { name: 'inputs', type: 'T3', variadic: true }],
    outputs: [{ name: 'outputs', type: 'T3', variadic: true }],
    attributes,
    infer: (ctx) => inferOptimizer(ctx, stateGroups),
  });
}
