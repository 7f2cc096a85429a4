import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { FLOATS_BF16 } from './_types';

// LRN-1/13: y = x / (bias + alpha/size * sum of x^2 over the `size` neighbouring channels)^beta; the window
// of channel c is [c - floor((size-1)/2), c + ceil((size-1)/2)], clipped to [0, C).
export default defineOp({
  op: 'LRN',
  sinceVersion: 1,
  versions: [1, 13], types: { T: FLOATS_BF16 },
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: {
    alpha: { type: 'float', default: 0.0001 },
    beta: { type: 'float', default: 0.75 },
    bias: { type: 'float', default: 1.0 },
    size: { type: 'int', required: true },
  },
  infer: inferSameAsInput,
});
