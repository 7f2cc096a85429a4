import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Sinh', { sinceVersion: 9, untilVersion: 9 });
