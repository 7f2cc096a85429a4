import { normalAttributes, inferRandom } from './_random-like';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// RandomNormal-1/22: a tensor of the `shape` attribute drawn from N(mean, scale^2), of `dtype` (default float32).
// ONNX does not specify the generator: with `seed` the output is reproducible within hodu only.
export default defineOp({
  op: 'RandomNormal',
  sinceVersion: 1,
  versions: [1], types: { T: FLOATS },
  inputs: [],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { ...normalAttributes, shape: { type: 'ints', required: true } },
  infer: inferRandom,
});
