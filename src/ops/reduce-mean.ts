import { defineReduceOp } from './_reduce';

// ReduceMean: sum / count; an empty group gives NaN (0/0), as numpy.mean does.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceMean', 18, 18);
