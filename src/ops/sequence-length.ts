import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// SequenceLength-11: the number of tensors, as an int64 scalar.
export default defineOp({
  op: 'SequenceLength',
  sinceVersion: 11,
  versions: [11], types: { S: ALL_BUT_BF16, I: ['int64'] },
  inputs: [{ name: 'input_sequence', type: 'S' }],
  outputs: [{ name: 'length', type: 'I' }],
  attributes: {},
  infer: () => [{ dtype: 'int64', shape: [] }],
});
