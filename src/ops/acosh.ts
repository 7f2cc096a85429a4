import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Acosh', { sinceVersion: 9, untilVersion: 9 });
