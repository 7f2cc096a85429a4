import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// SequenceEmpty-11: an empty sequence of tensors of `dtype` (default float32). Sequence types are not expressible in InferOutput, so no infer.
export default defineOp({
  op: 'SequenceEmpty',
  sinceVersion: 11,
  versions: [11], types: { S: ALL_BUT_BF16 },
  inputs: [],
  outputs: [{ name: 'output', type: 'S' }],
  attributes: { dtype: { type: 'int' } },
});
