import { defineUnaryToOp } from './_elementwise';

export default defineUnaryToOp('IsNaN', 'bool', { sinceVersion: 9, untilVersion: 20 });
