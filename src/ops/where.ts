import { broadcastDims } from './infer-util';
import { defineOp } from './registry';
import type { InferContext } from './schema';

// output = condition ? X : Y with numpy broadcasting over all three (opset 9; 16 widened the dtypes).
export default defineOp({
  op: 'Where',
  sinceVersion: 9,
  untilVersion: 16,
  inputs: [{ name: 'condition' }, { name: 'X' }, { name: 'Y' }],
  outputs: [{ name: 'output' }],
  attributes: {},
  infer: (ctx: InferContext) => [{
    dtype: ctx.inputs[1]?.dtype,
    shape: broadcastDims([ctx.inputs[0]?.shape, ctx.inputs[1]?.shape, ctx.inputs[2]?.shape], ` in Where node '${ctx.node.name}'`),
  }],
});
