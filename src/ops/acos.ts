import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Acos', { sinceVersion: 7, untilVersion: 7 });
