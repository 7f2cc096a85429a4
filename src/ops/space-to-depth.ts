import { inferBlockRearrange } from './_block';
import { defineOp } from './schema';
import { ALL } from './_types';

// SpaceToDepth-1/13: [N, C, H, W] -> [N, C*b², H/b, W/b].
export default defineOp({
  op: 'SpaceToDepth',
  sinceVersion: 1,
  versions: [1, 13], types: { T: ALL },
  inputs: [{ name: 'input', type: 'T' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { blocksize: { type: 'int', required: true } },
  infer: inferBlockRearrange((c, b) => c * b * b, (d, b) => d / b),
});
