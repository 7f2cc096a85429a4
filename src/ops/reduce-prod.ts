import { defineReduceOp } from './_reduce';

// ReduceProd: an empty group gives 1.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceProd', 18, 18);
