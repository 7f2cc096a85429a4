import { defineOp } from './registry';

// SplitToSequence-11: split sizes (1-D), a chunk size (scalar; last chunk smaller), or size-1 pieces (keepdims=0 drops the axis).
export default defineOp({
  op: 'SplitToSequence',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'input' }, { name: 'split', optional: true }],
  outputs: [{ name: 'output_sequence' }],
  attributes: { axis: { type: 'int', default: 0 }, keepdims: { type: 'int', default: 1 } },
});
