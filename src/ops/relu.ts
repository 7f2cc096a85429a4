import { CONSUMED_INPUTS, defineUnaryOp } from './_elementwise';

// Integer inputs allowed from opset 14. NaN propagates.
export default defineUnaryOp('Relu', { sinceVersion: 1, versions: [1, 6, 13, 14], types: { T: ['float32', 'float64', 'float16', 'bfloat16', 'int8', 'int16', 'int32', 'int64'] }, attributes: CONSUMED_INPUTS });
