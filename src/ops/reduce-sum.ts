import { defineReduceOp } from './_reduce';
import { HIGH_PRECISION } from './_types';

// ReduceSum: sum of the group; an empty group sums to 0.
// axes is an attribute before opset 13 and an optional input from 13.
export default defineReduceOp('ReduceSum', 13, { versions: [1, 11, 13], types: { T: HIGH_PRECISION } });
