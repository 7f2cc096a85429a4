import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

// Signed integers wrap (-(-128) as int8 is -128), as in C.
export default defineUnaryOp('Neg', { sinceVersion: 1, versions: [1, 6, 13], types: { T: ['float32', 'float64', 'float16', 'bfloat16', 'int8', 'int16', 'int32', 'int64'] }, attributes: CONSUMED_INPUTS });
