import { defineSoftmaxOp } from './_reduce';

// x - max - log(sum(exp(x - max))) along the axis.
// Before opset 13 the input is coerced to 2-D at `axis` (default 1); from 13 only `axis` (default -1) is used.
export default defineSoftmaxOp('LogSoftmax');
