import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { FLOATS_BF16 } from './_types';

// GroupNormalization-18: scale/bias have one entry per group; -21: one per channel, plus stash_type.
export default defineOp({
  op: 'GroupNormalization',
  sinceVersion: 18,
  versions: [18, 21], types: { T: FLOATS_BF16 },
  inputs: [{ name: 'X', type: 'T' }, { name: 'scale', type: 'T' }, { name: 'bias', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: {
    epsilon: { type: 'float', default: 1e-5 },
    num_groups: { type: 'int', required: true },
    stash_type: { type: 'int', default: 1 },
  },
  infer: inferSameAsInput,
});
