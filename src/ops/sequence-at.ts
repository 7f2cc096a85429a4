import { defineOp } from './schema';
import { ALL_BUT_BF16, INDEX } from './_types';

// SequenceAt-11: the tensor at `position` (negative counts from the end).
export default defineOp({
  op: 'SequenceAt',
  sinceVersion: 11,
  versions: [11], types: { T: ALL_BUT_BF16, I: INDEX },
  inputs: [{ name: 'input_sequence', type: 'T' }, { name: 'position', type: 'I' }],
  outputs: [{ name: 'tensor', type: 'T' }],
  attributes: {},
});
