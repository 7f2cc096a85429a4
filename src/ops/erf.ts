import { defineUnaryOp } from './_elementwise';

// See util/unary.ts for the approximation (about double precision).
export default defineUnaryOp('Erf', { sinceVersion: 9, untilVersion: 13 });
