import { registerKernel } from '../kernel';
import { integerOnly, unaryKernel } from '../util/unary';

// ~x in two's complement; unsigned storages wrap the negative result back (~0 as uint8 = 255).
export default registerKernel('BitwiseNot', integerOnly(unaryKernel((x) => ~x, (x) => ~x)));
