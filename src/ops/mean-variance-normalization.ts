import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { FLOATS_BF16 } from './_types';

// MeanVarianceNormalization-9/13: (X - mean) / (sqrt(E[X^2] - mean^2) + 1e-9), moments over `axes`
// (the function body ONNX defines, including its epsilon on the standard deviation).
export default defineOp({
  op: 'MeanVarianceNormalization',
  sinceVersion: 9,
  versions: [9, 13], types: { T: FLOATS_BF16 },
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: { axes: { type: 'ints', default: [0, 2, 3] } },
  infer: inferSameAsInput,
});
