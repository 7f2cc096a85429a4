import { defineUnaryOp } from './_elementwise';

// max(0, x) + min(0, alpha * (exp(x / alpha) - 1))
export default defineUnaryOp('Celu', { sinceVersion: 12, versions: [12], types: { T: ['float32'] }, attributes: { alpha: { type: 'float', default: 1.0 } } });
