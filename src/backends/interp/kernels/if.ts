import type { Graph } from '../../../ir/graph';
import { nodeError } from '../../../ir/node-error';
import { defineKernel, tensorInput } from '../kernel';
import { storeOf } from '../util/copy';

// Runs one branch with no inputs of its own; it reads outer-scope values by name.
export default defineKernel('If', (inputs, ctx) => {
  const cond = tensorInput(inputs, 0, ctx);
  if (cond.size !== 1) throw nodeError(ctx.node, 'E_INPUT', `cond must hold one element, has shape [${cond.dims.join(',')}]`);
  const taken = Boolean(storeOf(cond.data)[0]);
  const branch = ctx.attr<Graph>(taken ? 'then_branch' : 'else_branch');
  const outs = ctx.runSubgraph(branch, []);
  if (outs.length !== ctx.node.outputs.length) {
    throw nodeError(ctx.node, 'E_GRAPH', `${taken ? 'then' : 'else'}_branch has ${outs.length} outputs, the node has ${ctx.node.outputs.length}`,
      'the model is malformed');
  }
  return outs;
});
