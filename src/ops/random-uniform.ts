import { uniformAttributes, inferRandom } from './_random-like';
import { defineOp } from './registry';

// RandomUniform-1/22: a tensor of the `shape` attribute drawn from U(low, high), of `dtype` (default float32).
// ONNX does not specify the generator: with `seed` the output is reproducible within hodu only.
export default defineOp({
  op: 'RandomUniform',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [],
  outputs: [{ name: 'output' }],
  attributes: { ...uniformAttributes, shape: { type: 'ints', required: true } },
  infer: inferRandom,
});
