import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

export default defineUnaryOp('Floor', { sinceVersion: 1, untilVersion: 13, attributes: CONSUMED_INPUTS });
