import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Abs', { sinceVersion: 1, untilVersion: 13, attributes: CONSUMED_INPUTS });
