/**
 * eliminate-dead-code (-O1): removes what no graph output depends on, in the graph and in every subgraph.
 *
 *   live = outputs(G) ∪ { inputs(n), captures(subgraphs(n)) : n has a live output }   (fixed point, backwards)
 *   G ⇒ G without { n : no output of n ∈ live }, without { initializer i ∉ live ∪ inputs(G) }
 *
 * Subgraph captures of outer values count as reads, so a value only an If/Loop body uses stays. Initializers
 * that are also graph inputs stay (they are part of the model's interface). ONNX nodes have no side effects,
 * so removing one never changes a live value. Returns the same model when nothing is dead.
 */
import type { Graph, Model, Node } from '../ir/graph';
import { mapSubgraphs, outerReads, subgraphsOf } from '../ir/subgraphs';
import type { Pass } from './pass';

export const eliminateDeadCode: Pass = { name: 'eliminate-dead-code', level: 1, run };

function run(model: Model): Model {
  const graph = pruneGraph(model.graph);
  return graph === model.graph ? model : { ...model, graph };
}

function pruneGraph(g: Graph): Graph {
  const live = new Set(g.outputs.map((o) => o.name));
  const keep: Node[] = [];
  let changed = false;
  for (let i = g.nodes.length - 1; i >= 0; i--) {
    const node = g.nodes[i]!;
    if (!node.outputs.some((o) => o && live.has(o))) {
      changed = true;
      continue;
    }
    const pruned = mapSubgraphs(node, pruneGraph);
    const before = subgraphsOf(node);
    const subgraphsChanged = subgraphsOf(pruned).some((s, k) => s !== before[k]);
    if (subgraphsChanged) changed = true;
    keep.push(subgraphsChanged ? pruned : node);
    for (const n of pruned.inputs) if (n) live.add(n);
    for (const s of subgraphsOf(pruned)) for (const n of outerReads(s)) live.add(n);
  }
  const interface_ = new Set(g.inputs.map((i) => i.name));
  const unusedInit = [...g.initializers.keys()].filter((n) => !live.has(n) && !interface_.has(n));
  if (!changed && !unusedInit.length) return g;
  const initializers = new Map([...g.initializers].filter(([n]) => !unusedInit.includes(n)));
  const defined = new Set(keep.flatMap((n) => n.outputs));
  const valueInfo = g.valueInfo.filter((v) => defined.has(v.name));
  return { ...g, nodes: keep.reverse(), initializers, valueInfo };
}
