import { inferSameAsInput } from './infer-util';
import { defineOp } from './registry';

// Trilu-14: keeps the upper (j - i >= k) or lower (j - i <= k) triangle of the last two dims, zeroes the rest.
export default defineOp({
  op: 'Trilu',
  sinceVersion: 14,
  untilVersion: 21,
  inputs: [{ name: 'input' }, { name: 'k', optional: true }],
  outputs: [{ name: 'output' }],
  attributes: { upper: { type: 'int', default: 1 } },
  infer: inferSameAsInput,
});
