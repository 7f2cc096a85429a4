import { defineUnaryOp } from './_elementwise';

// Halves round to the nearest even integer (2.5 -> 2, -1.5 -> -2).
export default defineUnaryOp('Round', { sinceVersion: 11, untilVersion: 11 });
