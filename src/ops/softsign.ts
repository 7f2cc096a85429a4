import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Softsign', { sinceVersion: 1, untilVersion: 1 });
