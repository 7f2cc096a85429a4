import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// ScatterND-11/13/16 (reduction add, mul)/18 (max, min): a copy of data where each index row
// (length k) addresses a slab data[i0..ik-1, ...] that the matching updates slab replaces or combines into.
export default defineOp({
  op: 'ScatterND',
  sinceVersion: 11,
  untilVersion: 21,
  inputs: [{ name: 'data' }, { name: 'indices' }, { name: 'updates' }],
  outputs: [{ name: 'output' }],
  attributes: { reduction: { type: 'string', default: 'none' } },
  infer: inferSameAsInput,
});
