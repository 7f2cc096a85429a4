/**
 * Read-only questions the passes ask of a graph: which values are true constants, who produces and who
 * reads a value (subgraph captures included), which names are free. Rewrites live in src/passes/.
 */
import type { Graph, Node } from '../../ir/graph';
import { outerReads, subgraphsOf } from '../../ir/subgraphs';
import type { Tensor } from '../../ir/tensor';

/**
 * The value of `name` when it is a constant the caller cannot override: an initializer that is not also a
 * graph input (ONNX lets a feed replace an initializer listed among the inputs, so that one is a default).
 */
export function constantValue(g: Graph, name: string): Tensor | undefined {
  if (!name || g.inputs.some((i) => i.name === name)) return undefined;
  return g.initializers.get(name);
}

/** How many times each value is read: node inputs, subgraph captures (once per capturing node), graph outputs. */
export function readCounts(g: Graph): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (n: string) => n && counts.set(n, (counts.get(n) ?? 0) + 1);
  for (const node of g.nodes) {
    node.inputs.forEach(bump);
    for (const s of subgraphsOf(node)) outerReads(s).forEach(bump);
  }
  for (const o of g.outputs) bump(o.name);
  return counts;
}

/** The node producing each value. */
export function producers(g: Graph): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const n of g.nodes) for (const o of n.outputs) if (o) out.set(o, n);
  return out;
}

/**
 * The nodes reading each value, in graph order, each node once: by a node input or by a capture of one of its
 * subgraphs (the reads readCounts counts; graph outputs are not nodes, so a value that is one has fewer
 * consumers than reads).
 */
export function consumers(g: Graph): Map<string, Node[]> {
  const out = new Map<string, Node[]>();
  for (const node of g.nodes) {
    const read = new Set(node.inputs.filter((n) => n));
    for (const s of subgraphsOf(node)) for (const n of outerReads(s)) read.add(n);
    for (const n of read) {
      const list = out.get(n);
      if (list) list.push(node);
      else out.set(n, [node]);
    }
  }
  return out;
}

/** A value name not yet used in the graph (for new initializers such as rescaled weights). */
export function freshName(g: Graph, base: string): string {
  const used = new Set([...g.initializers.keys(), ...g.inputs.map((i) => i.name), ...g.nodes.flatMap((n) => n.outputs)]);
  if (!used.has(base)) return base;
  for (let i = 1; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

export const isDefaultDomain = (node: Node) => node.domain === '';
