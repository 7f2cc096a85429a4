import { defineReduceOp } from './_reduce';
import { HIGH_PRECISION } from './_types';

// ReduceSumSquare: sum(x^2); an empty group gives 0.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceSumSquare', 18, { versions: [1, 11, 13, 18], types: { T: HIGH_PRECISION } });
