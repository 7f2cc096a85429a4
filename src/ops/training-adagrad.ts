import { inferOptimizer, TRAINING_DOMAIN } from './_optimizer';
import { defineOp } from './registry';

// ai.onnx.preview.training Adagrad-1: inputs (R, T, X..., G..., H...) -> (X_new..., H_new...).
// r = R / (1 + T * decay_factor); g = norm_coefficient * X + G; H_new = H + g^2;
// X_new = X - r * g / (sqrt(H_new) + epsilon).
export default defineOp({
  op: 'Adagrad',
  domain: TRAINING_DOMAIN,
  sinceVersion: 1,
  untilVersion: 1,
  inputs: [{ name: 'R' }, { name: 'T' }, { name: 'inputs', variadic: true }],
  outputs: [{ name: 'outputs', variadic: true }],
  attributes: {
    decay_factor: { type: 'float', default: 0 },
    epsilon: { type: 'float', default: 0 },
    norm_coefficient: { type: 'float', default: 0 },
  },
  infer: (ctx) => inferOptimizer(ctx, 1),
});
