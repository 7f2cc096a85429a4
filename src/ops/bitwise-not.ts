import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('BitwiseNot', { sinceVersion: 18, untilVersion: 18 });
