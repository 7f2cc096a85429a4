import { broadcastDims } from './infer-util';
import { constInts, unknownDims, vectorLength } from './_shape';
import { defineOp } from './registry';

// Expand-8/13: bidirectional (numpy) broadcast of the input with `shape`.
export default defineOp({
  op: 'Expand',
  sinceVersion: 8,
  untilVersion: 21,
  inputs: [{ name: 'input' }, { name: 'shape' }],
  outputs: [{ name: 'output' }],
  attributes: {},
  infer(ctx) {
    const x = ctx.inputs[0];
    const shape = constInts(ctx.inputs[1]);
    if (shape) return [{ dtype: x?.dtype, shape: broadcastDims([x?.shape, shape], ` in Expand node '${ctx.node.name}'`) }];
    const n = vectorLength(ctx.inputs[1]);
    const rank = x?.shape && n !== undefined ? Math.max(x.shape.length, n) : undefined;
    return [{ dtype: x?.dtype, shape: rank === undefined ? undefined : unknownDims(rank) }];
  },
});
