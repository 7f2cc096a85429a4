import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Softplus', { sinceVersion: 1, untilVersion: 1 });
