/**
 * `hodu run --dump`: the values to dump become extra graph outputs before the model is prepared, so every
 * backend returns them the way it returns any output — through partitions too (a partition exports what a
 * graph output needs), and the passes keep them (a graph output counts as a read, so no fusion swallows it).
 * Only top-level values: a value inside an If/Loop/Scan body exists once per iteration or branch and cannot be
 * a graph output; the body's node itself is dumped through its outputs.
 */
import type { Model, Node } from '../../ir/graph';

export interface DumpedValue {
  /** The value name, as in the model file. */
  value: string;
  /** The node that produces it, and its op. */
  node: string;
  op: string;
}

export interface DumpPlan {
  /** The model with the chosen values added as outputs (the same model when they all are outputs already). */
  model: Model;
  values: DumpedValue[];
  /** The model's own outputs: what the run prints and writes, the others are only dumped. */
  outputs: string[];
}

/** Every top-level node output, or those whose name, whose node's name or whose node's op `filter` matches (RegExp.test). */
export function exposeValues(model: Model, filter?: RegExp): DumpPlan {
  const g = model.graph;
  const outputs = g.outputs.map((o) => o.name);
  const values: DumpedValue[] = [];
  for (const node of g.nodes) {
    for (const value of node.outputs) {
      if (value && matches(filter, node, value)) values.push({ value, node: node.name, op: opName(node) });
    }
  }
  const isOutput = new Set(outputs);
  const added = values.filter((v) => !isOutput.has(v.value));
  if (added.length === 0) return { model, values, outputs };
  const known = new Map(g.valueInfo.map((v) => [v.name, v]));
  // The file's value_info type when there is one: a backend that plans outputs from their types gets it.
  const extra = added.map((v) => known.get(v.value) ?? { name: v.value });
  return { model: { ...model, graph: { ...g, outputs: [...g.outputs, ...extra] } }, values, outputs };
}

function matches(filter: RegExp | undefined, node: Node, value: string): boolean {
  if (!filter) return true;
  filter.lastIndex = 0;
  if (filter.test(value)) return true;
  filter.lastIndex = 0;
  if (filter.test(node.name)) return true;
  // The op type too: `--dump-nodes Conv` means the Convs whatever the exporter named them.
  filter.lastIndex = 0;
  return filter.test(opName(node));
}

const opName = (node: Node) => (node.domain ? `${node.domain}.${node.op}` : node.op);
