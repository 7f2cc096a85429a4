import { defineUnaryOp } from './_elementwise';
import { FLOATS } from './_types';

// x * HardSigmoid(x) with alpha 1/6, beta 0.5.
export default defineUnaryOp('HardSwish', { sinceVersion: 14, versions: [14], types: { T: FLOATS } });
