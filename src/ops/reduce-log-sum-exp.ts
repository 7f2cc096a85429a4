import { defineReduceOp } from './_reduce';
import { HIGH_PRECISION } from './_types';

// ReduceLogSumExp: log(sum(exp(x))), computed as m + log(sum(exp(x - m))) with m the group max so exp cannot overflow;
// an empty group gives -inf.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceLogSumExp', 18, { versions: [1, 11, 13, 18], types: { T: HIGH_PRECISION } });
