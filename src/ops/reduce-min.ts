import { defineReduceOp } from './_reduce';

// ReduceMin: an empty group gives +inf (or the dtype maximum for integers); NaN propagates. bool from opset 20.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceMin', 18, 20);
