import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// SequenceMap-17: runs `body` once per element of input_sequence; each additional input is passed whole
// (a tensor) or element-wise (a sequence of the same length). Body output k collects into output sequence k.
export default defineOp({
  op: 'SequenceMap',
  sinceVersion: 17,
  versions: [17], types: { S: ALL_BUT_BF16, V: ALL_BUT_BF16 },
  inputs: [{ name: 'input_sequence', type: 'S' }, { name: 'additional_inputs', type: 'V', variadic: true, optional: true }],
  outputs: [{ name: 'out_sequence', type: 'S', variadic: true }],
  attributes: { body: { type: 'graph', required: true } },
});
