import { inferGlobalPool } from './_pool';
import { defineOp } from './registry';

// Pools over all spatial dims at once: [N, C, D1...] -> [N, C, 1...].
export default defineOp({
  op: 'GlobalLpPool',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: { p: { type: ['int', 'float'], default: 2 } },
  infer: inferGlobalPool,
});
