import { defineKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

// Signed integers wrap (-(-128) as int8 is -128), as in C.
export default defineKernel('Neg', unaryKernel((x) => -x, (x) => -x));
