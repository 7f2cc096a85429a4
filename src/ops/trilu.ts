import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { ALL } from './_types';

// Trilu-14: keeps the upper (j - i >= k) or lower (j - i <= k) triangle of the last two dims, zeroes the rest.
export default defineOp({
  op: 'Trilu',
  sinceVersion: 14,
  versions: [14], types: { T: ALL },
  inputs: [{ name: 'input', type: 'T' }, { name: 'k', type: 'int64', optional: true }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { upper: { type: 'int', default: 1 } },
  infer: inferSameAsInput,
});
