import { defineOp } from './registry';

// SequenceInsert-11: inserts `tensor` at `position` in [-n, n] (default: append).
export default defineOp({
  op: 'SequenceInsert',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'input_sequence' }, { name: 'tensor' }, { name: 'position', optional: true }],
  outputs: [{ name: 'output_sequence' }],
  attributes: {},
});
