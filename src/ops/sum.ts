import { CONSUMED_INPUTS, defineVariadicOp } from './_elementwise';
import { FLOATS_BF16 } from './_types';

// Elementwise Sum of all inputs; numpy broadcasting from opset 8 (equal shapes before).
export default defineVariadicOp('Sum', { sinceVersion: 1, versions: [1, 6, 8, 13], types: { T: FLOATS_BF16 }, attributes: CONSUMED_INPUTS });
