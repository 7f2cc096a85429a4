import { defineSoftmaxOp } from './_reduce';
import { FLOATS_BF16 } from './_types';

// x - max - log(sum(exp(x - max))) along the axis.
// Before opset 13 the input is coerced to 2-D at `axis` (default 1); from 13 only `axis` (default -1) is used.
export default defineSoftmaxOp('LogSoftmax', { versions: [1, 11, 13], types: { T: FLOATS_BF16 } });
