import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { ALL } from './_types';

// ScatterND-11/13/16 (reduction add, mul)/18 (max, min): a copy of data where each index row
// (length k) addresses a slab data[i0..ik-1, ...] that the matching updates slab replaces or combines into.
export default defineOp({
  op: 'ScatterND',
  sinceVersion: 11,
  versions: [11, 13, 16, 18], types: { T: ALL },
  inputs: [{ name: 'data', type: 'T' }, { name: 'indices', type: 'int64' }, { name: 'updates', type: 'T' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { reduction: { type: 'string', default: 'none' } },
  infer: inferSameAsInput,
});
