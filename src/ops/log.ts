import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

// log(0) = -inf, negative inputs give NaN.
export default defineUnaryOp('Log', { sinceVersion: 1, untilVersion: 13, attributes: CONSUMED_INPUTS });
