import { inferLossOutput } from './_loss';
import { defineOp } from './registry';

// NegativeLogLikelihoodLoss-12/13/22: loss[n][d..] = -input[n][target[n][d..]][d..] * weight[target[n][d..]],
// 0 where target == ignore_index; reduced by 'none' | 'sum' | 'mean' (mean divides by the summed weights).
export default defineOp({
  op: 'NegativeLogLikelihoodLoss',
  sinceVersion: 12,
  untilVersion: 21,
  inputs: [{ name: 'input' }, { name: 'target' }, { name: 'weight', optional: true }],
  outputs: [{ name: 'loss' }],
  attributes: { ignore_index: { type: 'int' }, reduction: { type: 'string', default: 'mean' } },
  infer: (ctx) => [inferLossOutput(ctx)],
});
