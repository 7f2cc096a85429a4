import { defineReduceOp } from './_reduce';

// ReduceMax: an empty group gives -inf (or the dtype minimum for integers); NaN propagates. bool from opset 20.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceMax', 18, 20);
