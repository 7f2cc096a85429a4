import { defineOp } from './registry';

// SequenceLength-11: the number of tensors, as an int64 scalar.
export default defineOp({
  op: 'SequenceLength',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'input_sequence' }],
  outputs: [{ name: 'length' }],
  attributes: {},
  infer: () => [{ dtype: 'int64', shape: [] }],
});
