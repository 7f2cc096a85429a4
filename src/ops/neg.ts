import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

// Signed integers wrap (-(-128) as int8 is -128), as in C.
export default defineUnaryOp('Neg', { sinceVersion: 1, untilVersion: 13, attributes: CONSUMED_INPUTS });
