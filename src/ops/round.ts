import { defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

// Halves round to the nearest even integer (2.5 -> 2, -1.5 -> -2).
export default defineUnaryOp('Round', { sinceVersion: 11, versions: [11], types: { T: FLOATS } });
