import { defineOptimizerOp } from './_optimizer';

// ai.onnx.preview.training Adam-1: inputs (R, T, X..., G..., V..., H...) -> (X_new..., V_new..., H_new...).
// g = norm_coefficient * X + G; V_new = alpha V + (1 - alpha) g; H_new = beta H + (1 - beta) g^2;
// r = T > 0 ? R sqrt(1 - beta^T) / (1 - alpha^T) : R; X_new = (1 - norm_coefficient_post) (X - r V_new / (sqrt(H_new) + epsilon)).
export default defineOptimizerOp('Adam', 2, { versions: [1], types: { T1: ['float32', 'float64'], T2: ['int64'], T3: ['float32', 'float64'] } }, {
  alpha: { type: 'float', default: 0.9 },
  beta: { type: 'float', default: 0.999 },
  epsilon: { type: 'float', default: 1e-6 },
  norm_coefficient: { type: 'float', default: 0 },
  norm_coefficient_post: { type: 'float', default: 0 },
});
