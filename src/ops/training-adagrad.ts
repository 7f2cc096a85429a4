import { defineOptimizerOp } from './_optimizer';

// ai.onnx.preview.training Adagrad-1: inputs (R, T, X..., G..., H...) -> (X_new..., H_new...).
// r = R / (1 + T * decay_factor); g = norm_coefficient * X + G; H_new = H + g^2;
// X_new = X - r * g / (sqrt(H_new) + epsilon).
export default defineOptimizerOp('Adagrad', 1, { versions: [1], types: { T1: ['float32', 'float64'], T2: ['int64'], T3: ['float32', 'float64'] } }, {
  decay_factor: { type: 'float', default: 0 },
  epsilon: { type: 'float', default: 0 },
  norm_coefficient: { type: 'float', default: 0 },
});
