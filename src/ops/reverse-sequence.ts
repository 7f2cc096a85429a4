import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// ReverseSequence-10: for each batch entry b, reverses the first sequence_lens[b] steps along time_axis.
export default defineOp({
  op: 'ReverseSequence',
  sinceVersion: 10,
  versions: [10], types: { T: ALL_BUT_BF16 },
  inputs: [{ name: 'input', type: 'T' }, { name: 'sequence_lens', type: 'int64' }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: { batch_axis: { type: 'int', default: 1 }, time_axis: { type: 'int', default: 0 } },
  infer: inferSameAsInput,
});
