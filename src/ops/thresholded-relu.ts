import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('ThresholdedRelu', { sinceVersion: 10, untilVersion: 10, attributes: { alpha: { type: 'float', default: 1.0 } } });
