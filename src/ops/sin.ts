import { defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Sin', { sinceVersion: 7, untilVersion: 7 });
