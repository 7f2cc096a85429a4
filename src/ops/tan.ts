import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Tan', { sinceVersion: 7, untilVersion: 7 });
