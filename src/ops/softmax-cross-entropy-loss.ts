import { inferLossOutput } from './_loss';
import { defineOp } from './schema';
import { FLOATS_BF16, INDEX } from './_types';

// SoftmaxCrossEntropyLoss-12/13: NegativeLogLikelihoodLoss applied to LogSoftmax(scores, axis=1);
// the optional second output is that log-probability tensor (same shape as scores).
export default defineOp({
  op: 'SoftmaxCrossEntropyLoss',
  sinceVersion: 12,
  versions: [12, 13], types: { T: FLOATS_BF16, Tind: INDEX },
  inputs: [{ name: 'scores', type: 'T' }, { name: 'labels', type: 'Tind' }, { name: 'weights', type: 'T', optional: true }],
  outputs: [{ name: 'output', type: 'T' }, { name: 'log_prob', type: 'T', optional: true }],
  attributes: { ignore_index: { type: 'int' }, reduction: { type: 'string', default: 'mean' } },
  infer: (ctx) => {
    const x = ctx.inputs[0];
    return [inferLossOutput(ctx), { dtype: x?.dtype, shape: x?.shape?.slice() }];
  },
});
