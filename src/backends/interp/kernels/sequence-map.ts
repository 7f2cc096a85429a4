import type { Graph } from '../../../ir/graph';
import { nodeError } from '../../../ir/node-error';
import { Tensor } from '../../../ir/tensor';
import { defineKernel, type Value } from '../kernel';
import { sequenceInput } from '../util/copy';

export default defineKernel('SequenceMap', (inputs, ctx) => {
  const body = ctx.attr<Graph>('body');
  const seq = sequenceInput(inputs, 0, ctx);
  const extra = inputs.slice(1);
  extra.forEach((v, j) => {
    if (v === undefined || v === null) throw nodeError(ctx.node, 'E_INPUT', `additional input ${j} is missing`);
    if (Array.isArray(v) && v.length !== seq.length) {
      throw nodeError(ctx.node, 'E_SHAPE', `additional sequence ${j} has ${v.length} elements, input_sequence has ${seq.length}`);
    }
  });
  const outs: Tensor[][] = body.outputs.map(() => []);
  seq.forEach((elem, i) => {
    const args: Value[] = [elem, ...extra.map((v) => (Array.isArray(v) ? v[i]! : (v as Tensor)))];
    ctx.runSubgraph(body, args).forEach((v, k) => {
      if (!(v instanceof Tensor)) throw nodeError(ctx.node, 'E_GRAPH', `body output ${k} is not a tensor`);
      outs[k]!.push(v);
    });
  });
  return outs;
});
