import { defineOp } from './registry';

// SequenceConstruct-11: a sequence of the input tensors (all one dtype).
export default defineOp({
  op: 'SequenceConstruct',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'inputs', variadic: true }],
  outputs: [{ name: 'output_sequence' }],
  attributes: {},
});
