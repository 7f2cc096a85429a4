import { CONSUMED_INPUTS, defineVariadicOp } from './_elementwise';

// Elementwise Mean of all inputs; numpy broadcasting from opset 8 (equal shapes before).
export default defineVariadicOp('Mean', { sinceVersion: 1, untilVersion: 13, attributes: CONSUMED_INPUTS });
