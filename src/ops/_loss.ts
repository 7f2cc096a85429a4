import type { Dim } from '../ir/graph';
import type { InferContext, InferOutput } from './schema';

/**
 * Output type of NegativeLogLikelihoodLoss / SoftmaxCrossEntropyLoss: the per-element loss has the target's
 * shape (N, d1..dk) when reduction is 'none', otherwise it is a scalar. Same dtype as the input.
 */
export function inferLossOutput(ctx: InferContext): InferOutput {
  const x = ctx.inputs[0];
  const target = ctx.inputs[1];
  const reduction = ctx.attr<string>('reduction');
  let shape: Dim[] | undefined = [];
  if (reduction === 'none') shape = target?.shape?.slice() ?? (x?.shape ? [x.shape[0]!, ...x.shape.slice(2)] : undefined);
  return { dtype: x?.dtype, shape };
}
