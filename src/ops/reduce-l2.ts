import { defineReduceOp } from './_reduce';
import { HIGH_PRECISION } from './_types';

// ReduceL2: sqrt(sum(x^2)); an empty group gives 0.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceL2', 18, { versions: [1, 11, 13, 18], types: { T: HIGH_PRECISION } });
