import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';
import { SIGNED } from './_types';

// Signed integers wrap (-(-128) as int8 is -128), as in C.
export default defineUnaryOp('Neg', { sinceVersion: 1, versions: [1, 6, 13], types: { T: SIGNED }, attributes: CONSUMED_INPUTS });
