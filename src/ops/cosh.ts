import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Cosh', { sinceVersion: 9, untilVersion: 9 });
