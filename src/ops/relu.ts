import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

// Integer inputs allowed from opset 14. NaN propagates.
export default defineUnaryOp('Relu', { sinceVersion: 1, untilVersion: 14, attributes: CONSUMED_INPUTS });
