import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Not', { sinceVersion: 1, untilVersion: 1 });
