/**
 * What the -O pipeline would change, pass by pass: the pipeline runs as prepareModel runs it (the dry run
 * needs the prepared graph to partition and plan it), and each pass that returned a new model is compared
 * with the model it was given. A change is a node (inside If/Loop/Scan bodies too) that is there before and
 * not after, or after and not before, by op, inputs and outputs; plus initializers dropped or added.
 */
import type { Graph, Model } from '../../ir/graph';
import { subgraphsOf } from '../../ir/subgraphs';
import type { Pass } from '../../passes/pass';

export interface PassChange {
  pass: string;
  /** Nodes (bodies included) it removed and added; a rewrite of one node counts one of each. */
  removed: number;
  added: number;
  /** Initializers (weights) it dropped and added (a fold or a fused weight). */
  weightsRemoved: number;
  weightsAdded: number;
  nodesBefore: number;
  nodesAfter: number;
}

/** Every node's identity (op, domain, inputs, outputs), bodies included, counted (a multiset). */
function nodeKeys(g: Graph, into = new Map<string, number>()): Map<string, number> {
  for (const n of g.nodes) {
    const key = `${n.domain}::${n.op}(${n.inputs.join(',')})->${n.outputs.join(',')}`;
    into.set(key, (into.get(key) ?? 0) + 1);
    for (const s of subgraphsOf(n)) nodeKeys(s, into);
  }
  return into;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** How many of `a`'s entries `b` lacks. */
function missingFrom(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [k, c] of a) n += Math.max(0, c - (b.get(k) ?? 0));
  return n;
}

/** The change a pass made from `before` to `after`; undefined when it returned the same model (changed nothing). */
export function passChange(pass: Pass, before: Model, after: Model): PassChange | undefined {
  if (before === after) return undefined;
  const a = nodeKeys(before.graph);
  const b = nodeKeys(after.graph);
  const wa = new Set(before.graph.initializers.keys());
  const wb = new Set(after.graph.initializers.keys());
  const change: PassChange = {
    pass: pass.name,
    removed: missingFrom(a, b),
    added: missingFrom(b, a),
    weightsRemoved: [...wa].filter((k) => !wb.has(k)).length,
    weightsAdded: [...wb].filter((k) => !wa.has(k)).length,
    nodesBefore: total(a),
    nodesAfter: total(b),
  };
  return change.removed || change.added || change.weightsRemoved || change.weightsAdded ? change : undefined;
}

/** An afterPass hook (src/passes/pipeline.ts) that records each pass's change into `changes`, starting from `model`. */
export function recordPassChanges(model: Model, changes: PassChange[]): (pass: Pass, result: Model) => void {
  let last = model;
  return (pass, result) => {
    const change = passChange(pass, last, result);
    if (change) changes.push(change);
    last = result;
  };
}
