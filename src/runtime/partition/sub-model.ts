/** A partition as a model of its own, so that any backend session can run it. */
import type { Model, ValueInfo } from '../../ir/graph';
import type { Tensor } from '../../ir/tensor';
import type { ValueFact } from '../../passes/analysis/infer-values';
import type { Partition } from './split';

function info(name: string, f: ValueFact | undefined): ValueInfo {
  return f?.dtype ? { name, type: { kind: 'tensor', dtype: f.dtype, shape: f.shape ? [...f.shape] : undefined } } : { name };
}

/**
 * The sub-model of partition `index`: its nodes (the same objects), its outside reads as graph inputs typed
 * from `facts` (concrete shapes for a native partition), the constants it reads as initializers, and the
 * values later partitions read as outputs. Opsets and functions are the model's.
 */
export function partitionModel(model: Model, p: Partition, index: number, facts: ReadonlyMap<string, ValueFact>): Model {
  const initializers = new Map<string, Tensor>();
  for (const name of p.constants) {
    const t = model.graph.initializers.get(name) ?? facts.get(name)?.value;
    if (t) initializers.set(name, t);
  }
  return {
    ...model,
    graph: {
      name: `${model.graph.name}/partition${index}`,
      nodes: p.nodes,
      inputs: p.inputs.map((n) => info(n, facts.get(n))),
      outputs: p.outputs.map((n) => info(n, facts.get(n))),
      valueInfo: [],
      initializers,
    },
  };
}
