import { defineSoftmaxOp } from './_reduce';

// 1 at the first maximum along the axis, 0 elsewhere.
// Before opset 13 the input is coerced to 2-D at `axis` (default 1); from 13 only `axis` (default -1) is used.
export default defineSoftmaxOp('Hardmax');
