import { defineOp } from './schema';
import { ALL_BUT_BF16, INDEX } from './_types';

// SequenceInsert-11: inserts `tensor` at `position` in [-n, n] (default: append).
export default defineOp({
  op: 'SequenceInsert',
  sinceVersion: 11,
  versions: [11], types: { T: ALL_BUT_BF16, I: INDEX },
  inputs: [{ name: 'input_sequence', type: 'T' }, { name: 'tensor', type: 'T' }, { name: 'position', type: 'I', optional: true }],
  outputs: [{ name: 'output_sequence', type: 'T' }],
  attributes: {},
});
