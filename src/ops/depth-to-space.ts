import { inferBlockRearrange } from './_block';
import { defineOp } from './schema';
import { ALL } from './_types';

// DepthToSpace-1/11 (mode DCR | CRD)/13: [N, C, H, W] -> [N, C/b², H*b, W*b].
export default defineOp({
  op: 'DepthToSpace',
  sinceVersion: 1,
  versions: [1, 11, 13], types: { T: ALL },
  inputs: [{ name: 'input', type: 'T' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { blocksize: { type: 'int', required: true }, mode: { type: 'string', default: 'DCR' } },
  infer: inferBlockRearrange((c, b) => c / (b * b), (d, b) => d * b),
});
