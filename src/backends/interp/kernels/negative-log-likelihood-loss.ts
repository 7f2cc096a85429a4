import { toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { nllLoss } from '../util/nll-loss';

// input holds log-probabilities (N, C, d1..dk); see util/nll-loss.ts for the reduction rules.
export default defineKernel('NegativeLogLikelihoodLoss', (inputs, ctx) => {
  const input = tensorInput(inputs, 0, ctx);
  const target = tensorInput(inputs, 1, ctx);
  return [nllLoss(ctx, toNumbers(input), input.dims, target, optionalInput(inputs, 2), input.dtype)];
});
