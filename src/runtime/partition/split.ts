/**
 * Graph partitioning, pure: the nodes that must run (in topological order) become maximal runs of nodes the
 * native backend supports (native partitions) and runs of the rest (interp partitions). Each partition lists
 * the values it reads from outside (feeds of its sub-model), the constants it reads (initializers or folded
 * values, baked into its sub-model) and the values it produces that a later partition or the graph's outputs
 * read (its sub-model's outputs). A body of an If/Loop/Scan reads outer values too: those count as reads of the
 * node that holds the body.
 */
import type { Node } from '../../ir/graph';
import { opId } from '../../ir/op-id';
import { outerReads, subgraphsOf } from '../../ir/subgraphs';
import type { ValueFact } from '../../passes/analysis/infer-values';
import { nativeSupport, type NativeTarget } from './support';

type PartitionBackend = 'native' | 'interp';

export interface Partition {
  backend: PartitionBackend;
  nodes: Node[];
  /** Values computed outside the partition (graph inputs or earlier partitions' outputs), in first-read order. */
  inputs: string[];
  /** Constant values it reads (initializers, folded values). */
  constants: string[];
  /** Values it produces that later partitions or the graph outputs read, in production order. */
  outputs: string[];
}

/** A node left on the interp, and why. */
export interface Fallback {
  node: string;
  op: string;
  reason: string;
}

interface PartitionPlan {
  partitions: Partition[];
  fallbacks: Fallback[];
}

/** Every value a node reads: its inputs, then what its bodies read from the enclosing scopes. */
function nodeReads(node: Node): string[] {
  const reads = node.inputs.filter((n) => n !== '');
  for (const g of subgraphsOf(node)) for (const n of outerReads(g)) reads.push(n);
  return reads;
}

/**
 * Splits `nodes` (topological order, folded nodes already removed) into partitions. `facts` holds every
 * value's dtype and shape (and `value` for constants); `graphOutputs` are the names the caller needs at the end.
 */
export function partitionNodes(nodes: readonly Node[], facts: ReadonlyMap<string, ValueFact>, graphOutputs: readonly string[], target: NativeTarget): PartitionPlan {
  const fallbacks: Fallback[] = [];
  const runs: { backend: PartitionBackend; nodes: Node[] }[] = [];
  for (const node of nodes) {
    const support = nativeSupport(node, facts, target);
    const backend: PartitionBackend = support.native ? 'native' : 'interp';
    if (!support.native) fallbacks.push({ node: node.name, op: opId(node.domain, node.op), reason: support.reason });
    const last = runs[runs.length - 1];
    if (last?.backend === backend) last.nodes.push(node);
    else runs.push({ backend, nodes: [node] });
  }
  // Which partition produces each value, and which partitions read it (the graph's outputs count as a reader after all).
  const producer = new Map<string, number>();
  runs.forEach((r, i) => r.nodes.forEach((n) => n.outputs.forEach((o) => o && producer.set(o, i))));
  const readLater = new Set<string>(graphOutputs);
  const partitions = runs.map((r, i): Partition => {
    const inputs: string[] = [];
    const constants: string[] = [];
    const seen = new Set<string>();
    for (const n of r.nodes) {
      for (const name of nodeReads(n)) {
        const from = producer.get(name);
        if (from === i || seen.has(name)) continue;
        seen.add(name);
        if (from === undefined && facts.get(name)?.value) constants.push(name);
        else inputs.push(name);
      }
    }
    return { backend: r.backend, nodes: r.nodes, inputs, constants, outputs: [] };
  });
  for (const p of partitions) for (const name of p.inputs) readLater.add(name);
  for (const [i, p] of partitions.entries()) {
    for (const n of runs[i]!.nodes) for (const o of n.outputs) if (o && readLater.has(o) && !p.outputs.includes(o)) p.outputs.push(o);
  }
  return { partitions, fallbacks };
}

/** Whether a value's fact is a tensor of known dtype and static shape. */
function staticFact(f: ValueFact | undefined): boolean {
  return !!f?.dtype && !!f.shape && f.shape.every((d) => typeof d === 'number' && d >= 0);
}

/**
 * Where to stop planning: after the first node left on the interp that produces a value of unknown dtype or
 * shape (an If's or a NonZero's output) when a later node fell back for reading such a value. The nodes after it
 * are planned again once it has run, with the shapes it really produced. -1: no such point.
 */
export function replanPoint(nodes: readonly Node[], facts: ReadonlyMap<string, ValueFact>, fallbacks: readonly Fallback[]): number {
  const fellBack = new Set(fallbacks.map((f) => f.node));
  const unknown = (name: string) => !staticFact(facts.get(name));
  let lastBlocked = -1;
  nodes.forEach((n, i) => {
    if (fellBack.has(n.name) && nodeReads(n).some(unknown)) lastBlocked = i;
  });
  return nodes.findIndex((n, i) => i < lastBlocked && fellBack.has(n.name) && n.outputs.some((o) => o !== '' && unknown(o)));
}

/** One group of `nodes` (run after everything else) with its outside reads, constants and the graph outputs it produces. */
export function tailPartition(nodes: Node[], facts: ReadonlyMap<string, ValueFact>, graphOutputs: readonly string[]): Partition {
  const produced = new Set<string>();
  const inputs: string[] = [];
  const constants: string[] = [];
  for (const n of nodes) {
    for (const name of nodeReads(n)) {
      if (produced.has(name) || inputs.includes(name) || constants.includes(name)) continue;
      (facts.get(name)?.value ? constants : inputs).push(name);
    }
    for (const o of n.outputs) if (o) produced.add(o);
  }
  return { backend: 'interp', nodes, inputs, constants, outputs: graphOutputs.filter((o, i) => produced.has(o) && graphOutputs.indexOf(o) === i) };
}
