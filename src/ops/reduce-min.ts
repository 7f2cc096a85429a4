import { defineReduceOp } from './_reduce';

// ReduceMin: an empty group gives +inf (or the dtype maximum for integers); NaN propagates. bool from opset 20.
// axes is an attribute before opset 18 and an optional input from 18.
export default defineReduceOp('ReduceMin', 18, { versions: [1, 11, 12, 13, 18, 20], types: { T: ['float32', 'float64', 'float16', 'bfloat16', 'int8', 'int32', 'int64', 'uint8', 'uint32', 'uint64', 'bool'] } });
