import { nodeLabel } from '../ir/node-label';
import { broadcastDims } from './infer-util';
import { constInts, unknownDims, vectorLength } from './_dim-inference';
import { defineOp } from './schema';
import { ALL } from './_types';

// Expand-8/13: bidirectional (numpy) broadcast of the input with `shape`.
export default defineOp({
  op: 'Expand',
  sinceVersion: 8,
  versions: [8, 13], types: { T: ALL },
  inputs: [{ name: 'input', type: 'T' }, { name: 'shape', type: 'int64' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: {},
  infer(ctx) {
    const x = ctx.inputs[0];
    const shape = constInts(ctx.inputs[1]);
    if (shape) return [{ dtype: x?.dtype, shape: broadcastDims([x?.shape, shape], ` in ${nodeLabel(ctx.node)}`) }];
    const n = vectorLength(ctx.inputs[1]);
    const rank = x?.shape && n !== undefined ? Math.max(x.shape.length, n) : undefined;
    return [{ dtype: x?.dtype, shape: rank === undefined ? undefined : unknownDims(rank) }];
  },
});
