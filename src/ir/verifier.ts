import { HoduError } from '../errors';
import type { Graph, Model } from './graph';
import { nodeLabel } from './node-label';
import { nodeError } from './node-error';
import { subgraphsOf } from './subgraphs';

/**
 * Checks a graph's structure: every input a node reads is defined before it (graph input, initializer,
 * an earlier node's output, or an enclosing scope's value), no value is defined twice, every graph output
 * is produced, and there are no cycles (a cycle shows up as a read-before-define in file order).
 * Throws HoduError('E_GRAPH'); a fault at a node is a nodeError (message starts with its label, `error.node` set).
 */
export function verifyModel(model: Model): void {
  verifyGraph(model.graph, new Set());
}

function verifyGraph(g: Graph, outer: ReadonlySet<string>): void {
  const defined = new Set<string>();
  const define = (name: string, what: string) => {
    if (name === '') return;
    if (defined.has(name)) {
      throw new HoduError('E_GRAPH', `graph '${g.name}': '${name}' is defined twice (${what})`, { hint: 'the model is malformed: value names must be unique (SSA)' });
    }
    defined.add(name);
  };
  for (const i of g.inputs) if (!g.initializers.has(i.name)) define(i.name, 'graph input');
  for (const name of g.initializers.keys()) define(name, 'initializer');
  const producers = new Map<string, number>();
  g.nodes.forEach((n, i) => n.outputs.forEach((o) => o && producers.set(o, i)));
  g.nodes.forEach((node, index) => {
    for (const input of node.inputs) {
      if (input === '' || defined.has(input) || outer.has(input)) continue;
      const later = producers.get(input);
      if (later !== undefined) {
        const cyclic = later >= index && reaches(g, index, later);
        throw nodeError(node, 'E_GRAPH', cyclic
          ? `is part of a cycle through '${input}'`
          : `reads '${input}' before node '${g.nodes[later]!.name}' produces it`,
        cyclic ? 'ONNX graphs must be acyclic' : 'ONNX requires nodes in topological order; re-export the model');
      }
      throw nodeError(node, 'E_GRAPH', `reads '${input}', which nothing defines`, 'the model is malformed (a dangling input); re-export it');
    }
    const scope = new Set([...outer, ...defined]);
    for (const s of subgraphsOf(node)) verifyGraph(s, scope);
    node.outputs.forEach((o) => define(o, `output of ${nodeLabel(node)}`));
  });
  for (const o of g.outputs) {
    if (!defined.has(o.name) && !outer.has(o.name)) {
      throw new HoduError('E_GRAPH', `graph '${g.name}' output '${o.name}' is never produced`, { hint: 'the model is malformed' });
    }
  }
}

/** Whether node `from` flows (transitively) into node `to` (then `to` feeding `from` closes a cycle). */
function reaches(g: Graph, from: number, to: number): boolean {
  const consumers = new Map<string, number[]>();
  g.nodes.forEach((n, i) => n.inputs.forEach((x) => {
    const list = consumers.get(x);
    if (list) list.push(i);
    else consumers.set(x, [i]);
  }));
  const seen = new Set<number>();
  const stack = [from];
  while (stack.length) {
    const i = stack.pop()!;
    if (i === to) return true;
    if (seen.has(i)) continue;
    seen.add(i);
    // Loops, not push(...list): a value read by 100k+ nodes would overflow the argument limit (RangeError).
    for (const o of g.nodes[i]!.outputs) for (const c of consumers.get(o) ?? []) stack.push(c);
  }
  return false;
}
