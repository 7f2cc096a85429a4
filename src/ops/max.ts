import { CONSUMED_INPUTS, defineVariadicOp } from './_elementwise';

// Elementwise Max of all inputs; numpy broadcasting from opset 8 (equal shapes before).
export default defineVariadicOp('Max', { sinceVersion: 1, untilVersion: 13, attributes: CONSUMED_INPUTS });
