import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// SequenceConstruct-11: a sequence of the input tensors (all one dtype).
export default defineOp({
  op: 'SequenceConstruct',
  sinceVersion: 11,
  versions: [11], types: { T: ALL_BUT_BF16 },
  inputs: [{ name: 'inputs', type: 'T', variadic: true }],
  outputs: [{ name: 'output_sequence', type: 'T' }],
  attributes: {},
});
