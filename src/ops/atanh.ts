import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Atanh', { sinceVersion: 9, untilVersion: 9 });
