import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';
import { FLOATS_BF16 } from './_types';

export default defineUnaryOp('Reciprocal', { sinceVersion: 1, versions: [1, 6, 13], types: { T: FLOATS_BF16 }, attributes: CONSUMED_INPUTS });
