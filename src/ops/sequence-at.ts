import { defineOp } from './registry';

// SequenceAt-11: the tensor at `position` (negative counts from the end).
export default defineOp({
  op: 'SequenceAt',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'input_sequence' }, { name: 'position' }],
  outputs: [{ name: 'tensor' }],
  attributes: {},
});
