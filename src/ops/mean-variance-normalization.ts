import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// MeanVarianceNormalization-9/13: (X - mean) / (sqrt(E[X^2] - mean^2) + 1e-9), moments over `axes`
// (the function body ONNX defines, including its epsilon on the standard deviation).
export default defineOp({
  op: 'MeanVarianceNormalization',
  sinceVersion: 9,
  untilVersion: 21,
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: { axes: { type: 'ints', default: [0, 2, 3] } },
  infer: inferSameAsInput,
});
