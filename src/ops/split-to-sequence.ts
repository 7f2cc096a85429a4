import { defineOp } from './schema';
import { ALL_BUT_BF16, INDEX } from './_types';

// SplitToSequence-11: split sizes (1-D), a chunk size (scalar; last chunk smaller), or size-1 pieces (keepdims=0 drops the axis).
export default defineOp({
  op: 'SplitToSequence',
  sinceVersion: 11,
  versions: [11], types: { T: ALL_BUT_BF16, I: INDEX },
  inputs: [{ name: 'input', type: 'T' }, { name: 'split', type: 'I', optional: true }],
  outputs: [{ name: 'output_sequence', type: 'T' }],
  attributes: { axis: { type: 'int', default: 0 }, keepdims: { type: 'int', default: 1 } },
});
