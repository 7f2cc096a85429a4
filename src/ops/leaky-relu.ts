import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';
import { FLOATS_BF16 } from './_types';

export default defineUnaryOp('LeakyRelu', { sinceVersion: 1, versions: [1, 6, 16], types: { T: FLOATS_BF16 }, attributes: { alpha: { type: 'float', default: 0.01 }, ...CONSUMED_INPUTS } });
