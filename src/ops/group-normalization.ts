import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// GroupNormalization-18: scale/bias have one entry per group; -21: one per channel, plus stash_type.
export default defineOp({
  op: 'GroupNormalization',
  sinceVersion: 18,
  untilVersion: 21,
  inputs: [{ name: 'X' }, { name: 'scale' }, { name: 'bias' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    epsilon: { type: 'float', default: 1e-5 },
    num_groups: { type: 'int', required: true },
    stash_type: { type: 'int', default: 1 },
  },
  infer: inferSameAsInput,
});
