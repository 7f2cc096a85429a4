import { defineUnaryOp } from './_elementwise';
import { INTS } from './_types';

export default defineUnaryOp('BitwiseNot', { sinceVersion: 18, versions: [18], types: { T: INTS } });
