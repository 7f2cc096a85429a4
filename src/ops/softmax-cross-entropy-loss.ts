import { inferLossOutput } from './_loss';
import { defineOp } from './registry';

// SoftmaxCrossEntropyLoss-12/13: NegativeLogLikelihoodLoss applied to LogSoftmax(scores, axis=1);
// the optional second output is that log-probability tensor (same shape as scores).
export default defineOp({
  op: 'SoftmaxCrossEntropyLoss',
  sinceVersion: 12,
  untilVersion: 21,
  inputs: [{ name: 'scores' }, { name: 'labels' }, { name: 'weights', optional: true }],
  outputs: [{ name: 'output' }, { name: 'log_prob', optional: true }],
  attributes: { ignore_index: { type: 'int' }, reduction: { type: 'string', default: 'mean' } },
  infer: (ctx) => {
    const x = ctx.inputs[0];
    return [inferLossOutput(ctx), { dtype: x?.dtype, shape: x?.shape?.slice() }];
  },
});
