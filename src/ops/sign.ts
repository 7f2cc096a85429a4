import { defineUnaryOp } from './_elementwise';
import { NUMERIC } from './_types';

// sign(0) = 0; NaN stays NaN.
export default defineUnaryOp('Sign', { sinceVersion: 9, versions: [9, 13], types: { T: NUMERIC } });
