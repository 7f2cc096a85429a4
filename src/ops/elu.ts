import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Elu', { sinceVersion: 1, untilVersion: 6, attributes: { alpha: { type: 'float', default: 1.0 }, ...CONSUMED_INPUTS } });
