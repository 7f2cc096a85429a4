import { inferOptimizer, TRAINING_DOMAIN } from './_optimizer';
import { defineOp } from './registry';

// ai.onnx.preview.training Momentum-1: inputs (R, T, X..., G..., V...) -> (X_new..., V_new...).
// g = norm_coefficient * X + G; V_new = alpha V + (T > 0 ? beta : 1) g;
// standard: X_new = X - R V_new; nesterov: X_new = X - R (g + alpha V_new).
export default defineOp({
  op: 'Momentum',
  domain: TRAINING_DOMAIN,
  sinceVersion: 1,
  untilVersion: 1,
  inputs: [{ name: 'R' }, { name: 'T' }, { name: 'inputs', variadic: true }],
  outputs: [{ name: 'outputs', variadic: true }],
  attributes: {
    alpha: { type: 'float', required: true },
    beta: { type: 'float', required: true },
    mode: { type: 'string', required: true },
    norm_coefficient: { type: 'float', required: true },
  },
  infer: (ctx) => inferOptimizer(ctx, 1),
});
