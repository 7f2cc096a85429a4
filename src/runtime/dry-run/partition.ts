/**
 * The partition a run would make, without running: the same inference (facts.ts, with the feeds' shapes), the
 * same split (split.ts) and the same replan point as src/runtime/partition/session.ts, and the bodies of
 * If/Loop/Scan split as bodies.ts splits them, typed from what is known before the run (a body is split again
 * at run time with the shapes it receives, so a body value whose shape only the run decides stays on the
 * interp here). Nothing is planned or created: a partition the plugin would refuse at create() shows as native.
 */
import type { Graph, Model, Node, ValueInfo } from '../../ir/graph';
import { namedSubgraphs, outerReads } from '../../ir/subgraphs';
import { opId } from '../../ir/op-id';
import type { Tensor } from '../../ir/tensor';
import { inferValues, type ValueFact } from '../../passes/analysis/infer-values';
import type { RuntimeValue } from '../../sdk/backend';
import { inferWithFeeds } from '../partition/facts';
import { partitionNodes, replanPoint, tailPartition, type Fallback, type Partition } from '../partition/split';
import type { NativeTarget } from '../partition/support';

export interface DryPartition {
  /** The backend that would run it: the native backend's name, 'interp', or 'decided when reached'. */
  backend: string;
  /** Node names in run order. */
  nodes: string[];
  /** Its ops, each once, in first-use order. */
  ops: string[];
  /** Set when the partition is split when the run reaches it, after this node (its output shapes are known only then). */
  splitWhenReached?: string;
}

interface DryBody {
  /** Where the body is: the holding nodes and attributes from the top, `loop/body/inner_if/then_branch`. */
  path: string;
  /** The node holding it: `Loop 'loop'`. */
  holder: string;
  partitions: DryPartition[];
  fallbacks: Fallback[];
  /** Nodes of the body folded to constants before the run. */
  folded: number;
}

export interface DryPartitionReport {
  partitions: DryPartition[];
  fallbacks: Fallback[];
  /** Nodes folded to constants (they run on no backend). */
  folded: number;
  /** Ifs replaced by their taken branch (the feeds' shapes decide their condition). */
  inlined: { node: string; branch: string }[];
  bodies: DryBody[];
}

function summarize(p: Partition, backend: string): DryPartition {
  const ops: string[] = [];
  for (const n of p.nodes) {
    const id = opId(n.domain, n.op);
    if (!ops.includes(id)) ops.push(id);
  }
  return { backend, nodes: p.nodes.map((n) => n.name), ops };
}

/** The split of `remaining` for `target` (undefined: one backend runs every node), with the replan point as session.ts makes it. */
function split(remaining: Node[], facts: ReadonlyMap<string, ValueFact>, outputs: string[], target: NativeTarget | undefined, whole: string): { partitions: DryPartition[]; fallbacks: Fallback[] } {
  if (!target) return { partitions: remaining.length ? [summarize({ backend: 'interp', nodes: remaining, inputs: [], constants: [], outputs: [] }, whole)] : [], fallbacks: [] };
  let plan = partitionNodes(remaining, facts, outputs, target);
  const cut = replanPoint(remaining, facts, plan.fallbacks);
  const tail = cut < 0 ? undefined : tailPartition(remaining.slice(cut + 1), facts, outputs);
  if (tail) plan = partitionNodes(remaining.slice(0, cut + 1), facts, [...outputs, ...tail.inputs], target);
  const partitions = plan.partitions.map((p) => summarize(p, p.backend === 'native' ? target.name : 'interp'));
  if (tail) partitions.push({ ...summarize(tail, 'decided when reached'), splitWhenReached: remaining[cut]!.name });
  return { partitions, fallbacks: plan.fallbacks };
}

const info = (name: string, f: ValueFact | undefined): ValueInfo =>
  f?.dtype ? { name, type: { kind: 'tensor', dtype: f.dtype, shape: f.shape ? [...f.shape] : undefined } } : { name };

/** A body's own inputs typed from what the node feeds it where that is known (a Loop's carried values), else as declared. */
function bodyInputs(holder: Node, g: Graph, facts: ReadonlyMap<string, ValueFact>): ValueInfo[] {
  if (holder.op !== 'Loop') return g.inputs;
  return g.inputs.map((input, k) => {
    if (k < 2) return input;
    const f = facts.get(holder.inputs[k] ?? '');
    return f?.dtype ? info(input.name, { dtype: f.dtype, shape: f.shape }) : input;
  });
}

/** Splits every body under `nodes` (nested ones too), typed from `facts` of the graph around it. */
function splitBodies(model: Model, nodes: readonly Node[], facts: ReadonlyMap<string, ValueFact>, target: NativeTarget | undefined, whole: string, prefix: string, out: DryBody[]): void {
  for (const n of nodes) {
    for (const [attr, g] of namedSubgraphs(n)) {
      const path = `${prefix}${n.name}/${attr}`;
      const own = new Set([...g.inputs.map((i) => i.name)]);
      const reads = [...outerReads(g)].filter((r) => !own.has(r));
      const constants = new Map<string, Tensor>();
      for (const r of reads) {
        const v = facts.get(r)?.value;
        if (v) constants.set(r, v);
      }
      const inputs = [...bodyInputs(n, g, facts), ...reads.filter((r) => !constants.has(r)).map((r) => info(r, facts.get(r)))];
      const body: Model = { ...model, graph: { ...g, inputs, initializers: new Map([...constants, ...g.initializers]) } };
      const inferred = inferValues(body, { fold: true, inlineIfs: true });
      const { partitions, fallbacks } = split(inferred.remaining, inferred.facts, g.outputs.map((o) => o.name), target, whole);
      out.push({ path, holder: `${n.op} '${n.name}'`, partitions, fallbacks, folded: foldedCount(g.nodes, inferred.remaining, inferred.inlined) });
      splitBodies(model, inferred.remaining, inferred.facts, target, whole, `${path}/`, out);
    }
  }
}

/** How many of `nodes` were folded to constants: neither still to run nor an If replaced by its branch (as session.ts counts). */
function foldedCount(nodes: readonly Node[], remaining: readonly Node[], inlined: readonly { node: string }[]): number {
  const left = new Set(remaining);
  const replaced = new Set(inlined.map((i) => i.node));
  return nodes.filter((n) => !left.has(n) && !replaced.has(n.name)).length;
}

/**
 * The split of a prepared model for these feeds (shapes only are read; a missing feed keeps its declared
 * shape). `target`: the native backend with a kernel list, or undefined when `whole` runs every node itself;
 * `bodyTarget`: the same for If/Loop/Scan bodies (undefined when they stay on `bodyWhole`, e.g. an isolated plugin).
 */
export function dryPartition(model: Model, feeds: ReadonlyMap<string, RuntimeValue>, opts: { target?: NativeTarget; whole: string; bodyTarget?: NativeTarget; bodyWhole: string }): DryPartitionReport {
  const { facts, remaining, inlined } = inferWithFeeds(model, feeds);
  const outputs = model.graph.outputs.map((o) => o.name);
  const { partitions, fallbacks } = split(remaining, facts, outputs, opts.target, opts.whole);
  const bodies: DryBody[] = [];
  splitBodies(model, remaining, facts, opts.bodyTarget, opts.bodyWhole, '', bodies);
  return { partitions, fallbacks, folded: foldedCount(model.graph.nodes, remaining, inlined), inlined: inlined.map((i) => ({ node: i.node, branch: i.branch })), bodies };
}
