import { defineOp } from './registry';

// SequenceErase-11: removes the tensor at `position` in [-n, n-1] (default: the last).
export default defineOp({
  op: 'SequenceErase',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'input_sequence' }, { name: 'position', optional: true }],
  outputs: [{ name: 'output_sequence' }],
  attributes: {},
});
