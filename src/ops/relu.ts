import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';
import { SIGNED } from './_types';

// Integer inputs allowed from opset 14. NaN propagates.
export default defineUnaryOp('Relu', { sinceVersion: 1, versions: [1, 6, 13, 14], types: { T: SIGNED }, attributes: CONSUMED_INPUTS });
