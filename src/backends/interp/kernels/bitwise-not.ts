import { defineKernel } from '../kernel';
import { integerOnly, unaryKernel } from '../util/unary';

// ~x in two's complement; unsigned storages wrap the negative result back (~0 as uint8 = 255).
export default defineKernel('BitwiseNot', integerOnly(unaryKernel((x) => ~x, (x) => ~x)));
