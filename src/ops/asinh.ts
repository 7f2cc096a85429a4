import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Asinh', { sinceVersion: 9, untilVersion: 9 });
