import { nodeLabel } from '../ir/node-label';
import { broadcastDims } from './infer-util';
import { defineOp } from './schema';
import type { InferContext } from './schema';
import { ALL } from './_types';

// output = condition ? X : Y with numpy broadcasting over all three (opset 9; 16 widened the dtypes).
export default defineOp({
  op: 'Where',
  sinceVersion: 9,
  versions: [9, 16], types: { B: ['bool'], T: ALL },
  inputs: [{ name: 'condition', type: 'B' }, { name: 'X', type: 'T' }, { name: 'Y', type: 'T' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: {},
  infer: (ctx: InferContext) => [{
    dtype: ctx.inputs[1]?.dtype,
    shape: broadcastDims([ctx.inputs[0]?.shape, ctx.inputs[1]?.shape, ctx.inputs[2]?.shape], ` in ${nodeLabel(ctx.node)}`),
  }],
});
