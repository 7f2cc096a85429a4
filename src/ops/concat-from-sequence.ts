import { defineOp } from './registry';

// ConcatFromSequence-11: concatenates along `axis`, or stacks along a new axis when new_axis=1.
export default defineOp({
  op: 'ConcatFromSequence',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'input_sequence' }],
  outputs: [{ name: 'concat_result' }],
  attributes: { axis: { type: 'int', required: true }, new_axis: { type: 'int', default: 0 } },
});
