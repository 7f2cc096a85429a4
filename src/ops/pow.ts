import { defineBinaryOp, LEGACY_BROADCAST } from './_elementwise';
import { NUMERIC } from './_types';

// Z = X ** Y. From opset 12 the exponent may have another dtype than the base; Z has the base's dtype.
export default defineBinaryOp('Pow', { sinceVersion: 1, versions: [1, 7, 12, 13, 15], types: { T: ['float32', 'float64', 'float16', 'bfloat16', 'int32', 'int64'], T1: NUMERIC }, attributes: LEGACY_BROADCAST });
