import { inferBlockRearrange } from './_block';
import { defineOp } from './registry';

// DepthToSpace-1/11 (mode DCR | CRD)/13: [N, C, H, W] -> [N, C/b², H*b, W*b].
export default defineOp({
  op: 'DepthToSpace',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { blocksize: { type: 'int', required: true }, mode: { type: 'string', default: 'DCR' } },
  infer: inferBlockRearrange((c, b) => c / (b * b), (d, b) => d * b),
});
