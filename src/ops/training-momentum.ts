import { defineOptimizerOp } from './_optimizer';

// ai.onnx.preview.training Momentum-1: inputs (R, T, X..., G..., V...) -> (X_new..., V_new...).
// g = norm_coefficient * X + G; V_new = alpha V + (T > 0 ? beta : 1) g;
// standard: X_new = X - R V_new; nesterov: X_new = X - R (g + alpha V_new).
export default defineOptimizerOp('Momentum', 1, { versions: [1], types: { T1: ['float32', 'float64'], T2: ['int64'], T3: ['float32', 'float64'] } }, {
  alpha: { type: 'float', required: true },
  beta: { type: 'float', required: true },
  mode: { type: 'string', required: true },
  norm_coefficient: { type: 'float', required: true },
});
