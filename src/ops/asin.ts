import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Asin', { sinceVersion: 7, untilVersion: 7 });
