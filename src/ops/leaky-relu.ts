import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

export default defineUnaryOp('LeakyRelu', { sinceVersion: 1, untilVersion: 16, attributes: { alpha: { type: 'float', default: 0.01 }, ...CONSUMED_INPUTS } });
