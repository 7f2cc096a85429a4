import type { InferContext, InferOutput } from './schema';

export const TRAINING_DOMAIN = 'ai.onnx.preview.training';

/**
 * Inference for Adagrad/Adam/Momentum: inputs are (R, T, X..., G..., S1..., S2...) with n tensors per group;
 * outputs are (X_new..., S1_new..., ...), each typed like the input it replaces (the group after skipping G).
 */
export function inferOptimizer(ctx: InferContext, stateGroups: number): InferOutput[] {
  const n = (ctx.inputs.length - 2) / (2 + stateGroups);
  return ctx.node.outputs.map((_, k) => {
    const group = Math.floor(k / n);
    const src = ctx.inputs[2 + (group === 0 ? 0 : group + 1) * n + (k % n)];
    return { dtype: src?.dtype, shape: src?.shape?.slice() };
  });
}
