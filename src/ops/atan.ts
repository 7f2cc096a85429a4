import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Atan', { sinceVersion: 7, untilVersion: 7 });
