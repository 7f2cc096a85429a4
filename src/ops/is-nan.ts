import { defineUnaryToOp } from './_elementwise';
import { FLOATS_BF16 } from './_types';

export default defineUnaryToOp('IsNaN', 'bool', { sinceVersion: 9, versions: [9, 13, 20], types: { T1: FLOATS_BF16, T2: ['bool'] } });
