import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

// Negative inputs give NaN.
export default defineUnaryOp('Sqrt', { sinceVersion: 1, untilVersion: 13, attributes: CONSUMED_INPUTS });
