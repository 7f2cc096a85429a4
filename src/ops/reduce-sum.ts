import { defineReduceOp } from './_reduce';

// ReduceSum: sum of the group; an empty group sums to 0.
// axes is an attribute before opset 13 and an optional input from 13.
export default defineReduceOp('ReduceSum', 13, 13);
