import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Exp', { sinceVersion: 1, untilVersion: 13, attributes: CONSUMED_INPUTS });
