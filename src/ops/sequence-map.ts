import { defineOp } from './registry';

// SequenceMap-17: runs `body` once per element of input_sequence; each additional input is passed whole
// (a tensor) or element-wise (a sequence of the same length). Body output k collects into output sequence k.
export default defineOp({
  op: 'SequenceMap',
  sinceVersion: 17,
  untilVersion: 21,
  inputs: [{ name: 'input_sequence' }, { name: 'additional_inputs', variadic: true, optional: true }],
  outputs: [{ name: 'out_sequence', variadic: true }],
  attributes: { body: { type: 'graph', required: true } },
});
