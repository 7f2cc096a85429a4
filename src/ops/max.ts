import { CONSUMED_INPUTS, defineVariadicOp } from './_elementwise';
import { NUMERIC } from './_types';

// Elementwise Max of all inputs; numpy broadcasting from opset 8 (equal shapes before).
export default defineVariadicOp('Max', { sinceVersion: 1, versions: [1, 6, 8, 12, 13], types: { T: NUMERIC }, attributes: CONSUMED_INPUTS });
