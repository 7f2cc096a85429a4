/**
 * eliminate-identity (-O1): removes top-level nodes whose output is their input, renaming the readers.
 *
 *   y = Identity(x)                                 ⇒  readers of y read x
 *   y = Dropout(x)        (inference, mask unread)  ⇒  readers of y read x
 *   y = Reshape(x, s)     (shape(y) ≡ shape(x))     ⇒  readers of y read x
 *   y = Transpose(x) {perm = [0, 1, …, r−1]}        ⇒  readers of y read x
 *
 * "≡" is provable equality: same rank and each dim the same number or the same named symbol. When y is a
 * graph output its name must survive, so instead x's producer is renamed to write y (x := y everywhere);
 * that is only possible when x comes from a node and is not itself a graph output, else the node stays.
 * Returns the same model when nothing is removed.
 */
import type { Model, Node } from '../ir/graph';
import { constantValue, isDefaultDomain, producers, readCounts } from './analysis/graph-queries';
import { renameValues } from './rename-values';
import { sameShape, valueFacts, type ValueFact } from './analysis/value-facts';
import type { Pass } from './pass';

export const eliminateIdentity: Pass = { name: 'eliminate-identity', level: 1, run };

function run(model: Model): Model {
  const g = model.graph;
  const facts = valueFacts(model);
  const reads = readCounts(g);
  const outputs = new Set(g.outputs.map((o) => o.name));
  const producedBy = producers(g);
  const rename = new Map<string, string>();
  const resolve = (n: string): string => {
    while (rename.has(n)) n = rename.get(n)!;
    return n;
  };
  const removed = new Set<Node>();
  for (const node of g.nodes) {
    if (!isNoOp(node, facts, reads, model)) continue;
    const x = resolve(node.inputs[0]!);
    const y = node.outputs[0]!;
    if (!outputs.has(y)) {
      rename.set(y, x);
    } else {
      // y must keep its name: make x's producer write y instead.
      const producer = producedBy.get(x);
      if (!producer || outputs.has(x)) continue;
      rename.set(x, y);
      producedBy.set(y, producer);
    }
    removed.add(node);
  }
  if (!removed.size) return model;
  const resolved = new Map([...rename.keys()].map((k) => [k, resolve(k)]));
  const graph = renameValues({ ...g, nodes: g.nodes.filter((n) => !removed.has(n)) }, resolved);
  return { ...model, graph };
}

function isNoOp(node: Node, facts: Map<string, ValueFact>, reads: Map<string, number>, model: Model): boolean {
  if (!isDefaultDomain(node) || !node.inputs[0] || !node.outputs[0]) return false;
  const [x, y] = [facts.get(node.inputs[0]), facts.get(node.outputs[0])];
  switch (node.op) {
    case 'Identity':
      return true;
    case 'Dropout': {
      const mask = node.outputs[1];
      if (mask && reads.get(mask)) return false;
      if (node.attributes.is_test?.type === 'int' && node.attributes.is_test.value === 0) return false;
      const mode = node.inputs[2] ? constantValue(model.graph, node.inputs[2]) : undefined;
      return !node.inputs[2] || (mode !== undefined && mode.size === 1 && !Number(mode.data[0]));
    }
    case 'Reshape':
      return sameShape(x?.shape, y?.shape);
    case 'Transpose': {
      const perm = node.attributes.perm;
      const rank = x?.shape?.length;
      if (perm?.type === 'ints') return perm.value.every((p, i) => p === i);
      return rank !== undefined && rank <= 1; // the default perm reverses the axes: a no-op for rank ≤ 1
    }
    default:
      return false;
  }
}
