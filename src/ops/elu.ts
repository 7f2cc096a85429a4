import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

export default defineUnaryOp('Elu', { sinceVersion: 1, versions: [1, 6], types: { T: FLOATS }, attributes: { alpha: { type: 'float', default: 1.0 }, ...CONSUMED_INPUTS } });
