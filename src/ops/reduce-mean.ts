import { defineReduceOp } from './_reduce';
import { HIGH_PRECISION } from './_types';

// ReduceMean: sum / count; an empty group gives NaN (0/0), as numpy.mean does.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceMean', 18, { versions: [1, 11, 13, 18], types: { T: HIGH_PRECISION } });
