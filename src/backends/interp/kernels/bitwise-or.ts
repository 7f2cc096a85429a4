import { defineKernel } from '../kernel';
import { binaryKernel } from '../util/binary';
import { integerOnly } from '../util/unary';

// JS bitwise operators work on 32-bit two's complement, which the 8/16/32-bit storages wrap back exactly.
export default defineKernel('BitwiseOr', integerOnly(binaryKernel({ num: (a, b) => a | b, big: (a, b) => a | b })));
