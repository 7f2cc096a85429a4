import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Cos', { sinceVersion: 7, untilVersion: 7 });
