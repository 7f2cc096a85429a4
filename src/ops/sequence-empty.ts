import { defineOp } from './registry';

// SequenceEmpty-11: an empty sequence of tensors of `dtype` (default float32). Sequence types are not expressible in InferOutput, so no infer.
export default defineOp({
  op: 'SequenceEmpty',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [],
  outputs: [{ name: 'output' }],
  attributes: { dtype: { type: 'int' } },
});
