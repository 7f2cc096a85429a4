import { defineReduceOp } from './_reduce';
import { HIGH_PRECISION } from './_types';

// ReduceLogSum: log(sum(x)); an empty group gives log(0) = -inf.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceLogSum', 18, { versions: [1, 11, 13, 18], types: { T: HIGH_PRECISION } });
