import { HoduError } from '../../../errors';
import type { Graph } from '../../../ir/graph';
import { Tensor } from '../../../ir/tensor';
import { defineKernel, type Value } from '../kernel';
import { sequenceInput } from '../util/copy';
import { nodeLabel } from '../util/indexing';

export default defineKernel('SequenceMap', (inputs, ctx) => {
  const body = ctx.attr<Graph>('body');
  const seq = sequenceInput(inputs, 0, ctx);
  const extra = inputs.slice(1);
  extra.forEach((v, j) => {
    if (v === undefined || v === null) throw new HoduError('E_INPUT', `${nodeLabel(ctx)}: additional input ${j} is missing`);
    if (Array.isArray(v) && v.length !== seq.length) {
      throw new HoduError('E_SHAPE', `${nodeLabel(ctx)}: additional sequence ${j} has ${v.length} elements, input_sequence has ${seq.length}`);
    }
  });
  const outs: Tensor[][] = body.outputs.map(() => []);
  seq.forEach((elem, i) => {
    const args: Value[] = [elem, ...extra.map((v) => (Array.isArray(v) ? v[i]! : (v as Tensor)))];
    ctx.runSubgraph(body, args).forEach((v, k) => {
      if (!(v instanceof Tensor)) throw new HoduError('E_GRAPH', `${nodeLabel(ctx)}: body output ${k} is not a tensor`);
      outs[k]!.push(v);
    });
  });
  return outs;
});
