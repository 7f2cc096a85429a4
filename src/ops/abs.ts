import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';
import { NUMERIC } from './_types';

export default defineUnaryOp('Abs', { sinceVersion: 1, versions: [1, 6, 13], types: { T: NUMERIC }, attributes: CONSUMED_INPUTS });
