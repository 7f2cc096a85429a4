import { defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

export default defineUnaryOp('ThresholdedRelu', { sinceVersion: 10, versions: [10], types: { T: FLOATS }, attributes: { alpha: { type: 'float', default: 1.0 } } });
