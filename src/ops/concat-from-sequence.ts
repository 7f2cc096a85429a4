import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// ConcatFromSequence-11: concatenates along `axis`, or stacks along a new axis when new_axis=1.
export default defineOp({
  op: 'ConcatFromSequence',
  sinceVersion: 11,
  versions: [11], types: { T: ALL_BUT_BF16 },
  inputs: [{ name: 'input_sequence', type: 'T' }],
  outputs: [{ name: 'concat_result', type: 'T' }],
  attributes: { axis: { type: 'int', required: true }, new_axis: { type: 'int', default: 0 } },
});
