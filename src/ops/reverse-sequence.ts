import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// ReverseSequence-10: for each batch entry b, reverses the first sequence_lens[b] steps along time_axis.
export default defineOp({
  op: 'ReverseSequence',
  sinceVersion: 10,
  untilVersion: 21,
  inputs: [{ name: 'input' }, { name: 'sequence_lens' }],
  outputs: [{ name: 'Y' }],
  attributes: { batch_axis: { type: 'int', default: 1 }, time_axis: { type: 'int', default: 0 } },
  infer: inferSameAsInput,
});
