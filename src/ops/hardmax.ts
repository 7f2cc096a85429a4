import { defineSoftmaxOp } from './_reduce';
import { FLOATS_BF16 } from './_types';

// 1 at the first maximum along the axis, 0 elsewhere.
// Before opset 13 the input is coerced to 2-D at `axis` (default 1); from 13 only `axis` (default -1) is used.
export default defineSoftmaxOp('Hardmax', { versions: [1, 11, 13], types: { T: FLOATS_BF16 } });
