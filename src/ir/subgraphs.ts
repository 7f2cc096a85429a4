/**
 * The one walk over If/Loop/Scan bodies (attributes of kind graph/graphs) and the one definition of which
 * outer values a body reads. Passes, the executor, the planner and inspect all use these, so a read that one
 * of them counts (e.g. a body output that is an outer value) is counted by all.
 */
import type { Attribute, Graph, Node } from './graph';

export const isSubgraphAttr = (a: Attribute): boolean => a.type === 'graph' || a.type === 'graphs';

/** The graphs held in a node's attributes (If branches, Loop/Scan bodies), in attribute order, with the attribute name. */
export function namedSubgraphs(node: Node): [string, Graph][] {
  const out: [string, Graph][] = [];
  for (const [name, a] of Object.entries(node.attributes)) {
    if (a.type === 'graph') out.push([name, a.value]);
    if (a.type === 'graphs') for (const g of a.value) out.push([name, g]); // not push(...): the list comes from the file, unbounded
  }
  return out;
}

export function subgraphsOf(node: Node): Graph[] {
  return namedSubgraphs(node).map(([, g]) => g);
}

export function hasSubgraph(node: Node): boolean {
  return Object.values(node.attributes).some(isSubgraphAttr);
}

/** The node with `f` applied to each subgraph attribute (the same node when it has none). */
export function mapSubgraphs(node: Node, f: (g: Graph) => Graph): Node {
  if (!hasSubgraph(node)) return node;
  const attributes: Record<string, Attribute> = {};
  for (const [name, a] of Object.entries(node.attributes)) {
    if (a.type === 'graph') attributes[name] = { type: 'graph', value: f(a.value) };
    else if (a.type === 'graphs') attributes[name] = { type: 'graphs', value: a.value.map(f) };
    else attributes[name] = a;
  }
  return { ...node, attributes };
}

/**
 * Names a subgraph reads that it does not define itself (captures from the enclosing scopes), nested bodies
 * included. A graph output that no node of the body produces is a read too: an If branch may return an outer
 * value directly.
 */
export function outerReads(g: Graph): Set<string> {
  const defined = new Set<string>([...g.inputs.map((x) => x.name), ...g.initializers.keys()]);
  const reads = new Set<string>();
  for (const node of g.nodes) {
    for (const n of node.inputs) if (n && !defined.has(n)) reads.add(n);
    for (const s of subgraphsOf(node)) for (const n of outerReads(s)) if (!defined.has(n)) reads.add(n);
    for (const o of node.outputs) defined.add(o);
  }
  for (const o of g.outputs) if (!defined.has(o.name)) reads.add(o.name);
  return reads;
}

/**
 * A subgraph with its reads of outer values renamed by `rename` (nested bodies included); names the subgraph
 * defines itself shadow the outer ones and are left alone. Used when the enclosing graph renames a value.
 */
export function renameCaptures(g: Graph, rename: ReadonlyMap<string, string>): Graph {
  const own = new Set([...g.inputs.map((i) => i.name), ...g.initializers.keys(), ...g.nodes.flatMap((n) => n.outputs)]);
  const map = (n: string) => (own.has(n) ? n : rename.get(n) ?? n);
  return {
    ...g,
    nodes: g.nodes.map((n) => mapSubgraphs({ ...n, inputs: n.inputs.map(map) }, (s) => renameCaptures(s, rename))),
    outputs: g.outputs.map((o) => ({ ...o, name: map(o.name) })),
  };
}
