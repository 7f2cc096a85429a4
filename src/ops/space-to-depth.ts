import { inferBlockRearrange } from './_block';
import { defineOp } from './registry';

// SpaceToDepth-1/13: [N, C, H, W] -> [N, C*b², H/b, W/b].
export default defineOp({
  op: 'SpaceToDepth',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { blocksize: { type: 'int', required: true } },
  infer: inferBlockRearrange((c, b) => c * b * b, (d, b) => d / b),
});
