import { inferLossOutput } from './_loss';
import { defineOp } from './schema';
import { FLOATS, INDEX } from './_types';

// NegativeLogLikelihoodLoss-12/13/22: loss[n][d..] = -input[n][target[n][d..]][d..] * weight[target[n][d..]],
// 0 where target == ignore_index; reduced by 'none' | 'sum' | 'mean' (mean divides by the summed weights).
export default defineOp({
  op: 'NegativeLogLikelihoodLoss',
  sinceVersion: 12,
  versions: [12, 13], types: { T: FLOATS, Tind: INDEX },
  inputs: [{ name: 'input', type: 'T' }, { name: 'target', type: 'Tind' }, { name: 'weight', type: 'T', optional: true }],
  outputs: [{ name: 'loss', type: 'T' }],
  attributes: { ignore_index: { type: 'int' }, reduction: { type: 'string', default: 'mean' } },
  infer: (ctx) => [inferLossOutput(ctx)],
});
