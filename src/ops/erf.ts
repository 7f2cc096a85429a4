import { defineUnaryOp } from './_elementwise';
import { NUMERIC } from './_types';

// See util/unary.ts for the approximation (about double precision).
export default defineUnaryOp('Erf', { sinceVersion: 9, versions: [9, 13], types: { T: NUMERIC } });
