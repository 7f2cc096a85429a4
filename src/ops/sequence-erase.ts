import { defineOp } from './schema';
import { ALL_BUT_BF16, INDEX } from './_types';

// SequenceErase-11: removes the tensor at `position` in [-n, n-1] (default: the last).
export default defineOp({
  op: 'SequenceErase',
  sinceVersion: 11,
  versions: [11], types: { S: ALL_BUT_BF16, I: INDEX },
  inputs: [{ name: 'input_sequence', type: 'S' }, { name: 'position', type: 'I', optional: true }],
  outputs: [{ name: 'output_sequence', type: 'S' }],
  attributes: {},
});
