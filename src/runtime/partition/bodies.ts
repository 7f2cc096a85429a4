/**
 * If/Loop/Scan bodies partitioned too. The control-flow node itself stays on the interp; the interp's executor
 * hands each body it is about to run to `runBody` (ExecuteOptions.runBody), which splits the body like a
 * graph (split.ts) with the shapes of the values it actually receives (its inputs and the outer values it
 * reads), runs the native partitions on the native backend and the rest on an executor with the same hook
 * (nested bodies). The executor is synchronous, so this needs a native session that runs synchronously: an
 * in-process one (`runSync`); an isolated plugin runs in a child process, and its bodies stay on the interp.
 * Plans are kept per body graph and shape set (a Loop body runs the same plan every iteration), bounded.
 * What a body reads of the enclosing model's constants (weights) is a constant of its partitions too, baked
 * into their plans like any weight, not fed (and copied) every run; a partition of Identity nodes alone hands
 * its inputs over on the host (an If branch returning a value costs no native call).
 */
import { Executor } from '../../backends/interp/executor';
import { storeOf } from '../../backends/interp/util/copy';
import type { Value } from '../../backends/interp/kernel';
import { HoduError } from '../../errors';
import type { Graph, Model, Node } from '../../ir/graph';
import type { ValueFact } from '../../passes/analysis/infer-values';
import { namedSubgraphs, outerReads, subgraphsOf } from '../../ir/subgraphs';
import { Tensor } from '../../ir/tensor';
import type { BackendPlugin, BackendSession, RuntimeValue, SessionOptions } from '../../sdk/backend';
import { anyNodeNative } from '../../sdk/kernel-coverage';
import { feedShapesKey, inferWithFeeds } from './facts';
import { summarize, type BodyReport } from './report';
import { partitionNodes, replanPoint, tailPartition, type Partition } from './split';
import { partitionModel } from './sub-model';
import { LruCache } from '../../util/lru-cache';

/** Shape sets kept per body graph; the least recently used plan (and its native handles) goes first. */
const MAX_BODY_PLANS = 8;
/**
 * Shape sets a body is planned for before it is left to the interp: a Loop whose carried value grows would
 * otherwise infer, split and plan its body again every iteration, which costs far more than running it.
 */
const MAX_BODY_SHAPE_SETS = 4 * MAX_BODY_PLANS;

/** Errors of a native partition that mean "it cannot run this", raised before it computes anything. */
const REFUSALS = new Set(['E_PLUGIN_REFUSED', 'E_PLAN', 'E_UNSUPPORTED_KERNEL']);

/** Whether `e`, thrown by a partition on `backend`, is a native refusal (the partition moves to the interp) rather than a failure. */
export function isRefusal(backend: string, e: unknown): e is HoduError {
  return backend !== 'interp' && e instanceof HoduError && REFUSALS.has(e.code);
}

type SyncRun = (feeds: Map<string, RuntimeValue>) => Map<string, RuntimeValue>;
type SyncSession = BackendSession & { runSync?: SyncRun };

interface BodyStep {
  partition: Partition;
  model: Model;
  backend: string;
  run: SyncRun;
  dispose?: () => void;
  movedToInterp?: string;
}

interface BodyPlan {
  steps: BodyStep[];
  constants: Map<string, Tensor>;
  report: BodyReport;
  /**
   * The body's nodes after one whose outputs' shapes are known only once it ran (split.ts replanPoint), as a graph
   * of their own: run as a body, so they are split (and planned) when reached, with the shapes it produced.
   */
  tail?: { graph: Graph; partition: Partition; interp: Executor };
}

/** The constants of a tail graph are its own initializers: one empty map, so its reads are split once. */
const NO_CONSTANTS: ReadonlyMap<string, Tensor> = new Map();

/** What a body reads from outside, split once per body: the enclosing model's constants, and the rest. */
interface BodyReads {
  /** The constants map these were split against (one per executor model). */
  from: ReadonlyMap<string, Tensor>;
  constants: Map<string, Tensor>;
  values: string[];
}

/** The last plan a body ran with and the dims of what it was fed (in feed order): the same dims skip the key. */
interface LastPlan {
  dims: (readonly number[] | null)[];
  plan: BodyPlan | null;
}

/** A graph's values that no feed can replace (initializers that are not inputs): a body reading them reads constants. */
function constantsOf(g: Graph): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  for (const [name, t] of g.initializers) if (!g.inputs.some((i) => i.name === name)) out.set(name, t);
  return out;
}

/** A value's dims; null for a sequence or an optional (the shape key tells those apart, the fast path does not). */
const dimsOf = (v: RuntimeValue | undefined) => (v instanceof Tensor ? v.dims : null);
const sameDims = (a: readonly number[] | null, b: readonly number[] | null | undefined) => !!a && !!b && a.length === b.length && a.every((d, i) => d === b[i]);

/** Runs a partition of Identity nodes on the host: each output is its input, handed over. */
function handOver(p: Partition): SyncRun {
  return (feeds) => {
    const env = new Map(feeds);
    for (const n of p.nodes) env.set(n.outputs[0]!, env.get(n.inputs[0]!) ?? null);
    return env;
  };
}

const disposeBodyPlan = (plan: BodyPlan | null) => {
  for (const s of plan?.steps ?? []) s.dispose?.();
};

export class BodyRunner {
  /** Per body graph: plans by shape key (null: nothing native in it at those shapes), most recently used last. */
  private readonly plans = new Map<Graph, LruCache<string, BodyPlan | null>>();
  /** Which node (and attribute) holds each body, for the report. */
  private readonly owners = new Map<Graph, string>();
  private readonly worthTrying = new Map<Graph, boolean>();
  private readonly reads = new Map<Graph, BodyReads>();
  private readonly lastPlan = new Map<Graph, LastPlan>();
  private readonly planned = new Map<Graph, number>();

  constructor(
    private readonly model: Model,
    private readonly native: BackendPlugin & { kernels: readonly string[] },
    private readonly options: SessionOptions,
  ) {
    const walk = (g: Graph) => {
      for (const n of g.nodes) for (const [attr, s] of namedSubgraphs(n)) {
        this.owners.set(s, `${n.op} '${n.name}' ${attr}`);
        walk(s);
      }
    };
    walk(model.graph);
  }

  /** An executor for `model` whose bodies go through this runner; its constants are constants of the bodies. */
  executor(model: Model): Executor {
    const constants = constantsOf(model.graph);
    return new Executor(model, { runBody: (g, feeds, outer) => this.runBody(g, feeds, outer, constants) });
  }

  /**
   * Runs body `g` partitioned, or returns undefined to let the caller run it itself. `feeds`: its inputs;
   * `outer`: reads the enclosing scopes; `constants`: those of their values no feed can change.
   */
  runBody(g: Graph, feeds: Map<string, Value>, outer: (name: string) => Value | undefined, constants: ReadonlyMap<string, Tensor>): Map<string, Value> | undefined {
    let worth = this.worthTrying.get(g);
    if (worth === undefined) this.worthTrying.set(g, (worth = anyNodeNative({ ...this.model, graph: g }, this.native.kernels)));
    if (!worth) return undefined;
    const reads = this.bodyReads(g, constants); // a Loop body asks every iteration
    const all = new Map<string, RuntimeValue>(feeds);
    for (const name of reads.values) {
      const v = all.has(name) ? undefined : outer(name);
      if (v !== undefined) all.set(name, v);
    }
    const plan = this.plan(g, all, reads.constants);
    return plan ? this.run(g, plan, all) : undefined;
  }

  /** `constants` are the constants of the executor's model: a Map per executor, so one split per body and executor. */
  private bodyReads(g: Graph, constants: ReadonlyMap<string, Tensor>): BodyReads {
    const known = this.reads.get(g);
    if (known?.from === constants) return known;
    const split: BodyReads = { from: constants, constants: new Map(), values: [] };
    for (const name of outerReads(g)) {
      const c = constants.get(name);
      if (c) split.constants.set(name, c);
      else split.values.push(name);
    }
    this.reads.set(g, split);
    return split;
  }

  private plan(g: Graph, all: Map<string, RuntimeValue>, constants: Map<string, Tensor>): BodyPlan | null {
    const last = this.lastPlan.get(g);
    if (last && last.dims.length === all.size) {
      let i = 0;
      let same = true;
      for (const v of all.values()) if (!sameDims(dimsOf(v), last.dims[i++])) { same = false; break; }
      if (same) return last.plan;
    }
    let byKey = this.plans.get(g);
    if (!byKey) this.plans.set(g, (byKey = new LruCache(MAX_BODY_PLANS, disposeBodyPlan)));
    const key = feedShapesKey(all);
    let plan = byKey.get(key);
    if (plan === undefined) {
      const count = (this.planned.get(g) ?? 0) + 1;
      this.planned.set(g, count);
      if (count > MAX_BODY_SHAPE_SETS) {
        this.worthTrying.set(g, false);
        this.lastRan.delete(g);
        return null;
      }
      plan = this.makePlan(g, all, constants);
      byKey.set(key, plan);
    }
    this.lastPlan.set(g, { dims: [...all.values()].map(dimsOf), plan });
    return plan;
  }

  private makePlan(g: Graph, all: Map<string, RuntimeValue>, enclosing: Map<string, Tensor>): BodyPlan | null {
    // The body as a model whose inputs are its own and the outer values it reads, typed from the values at hand,
    // and whose initializers are its own and the enclosing constants it reads.
    const inputs = [...g.inputs, ...[...all.keys()].filter((n) => !g.inputs.some((i) => i.name === n)).map((name) => ({ name }))];
    const body: Model = { ...this.model, graph: { ...g, inputs, initializers: new Map([...enclosing, ...g.initializers]) } };
    const { facts, remaining, inlined } = inferWithFeeds(body, all);
    const outputs = g.outputs.map((o) => o.name);
    const target = { name: this.native.name, kernels: this.native.kernels };
    let split = partitionNodes(remaining, facts, outputs, target);
    const cut = replanPoint(remaining, facts, split.fallbacks);
    const tail = cut < 0 ? undefined : this.tailOf(g, body, remaining, cut, facts, outputs);
    if (tail) split = partitionNodes(remaining.slice(0, cut + 1), facts, [...outputs, ...tail.partition.inputs], target);
    if (!tail && !split.partitions.some((p) => p.backend === 'native')) return null;
    const steps: BodyStep[] = [];
    for (const [i, p] of split.partitions.entries()) {
      const sub = partitionModel(body, p, i, facts);
      if (p.backend === 'interp') {
        const ex = this.executor(sub);
        steps.push({ partition: p, model: sub, backend: 'interp', run: (f) => ex.run(f) });
        continue;
      }
      if (p.nodes.every((n) => n.op === 'Identity' && n.domain === '')) {
        steps.push({ partition: p, model: sub, backend: 'host', run: handOver(p) });
        continue;
      }
      const session = this.native.createSession(sub, this.options) as SyncSession | Promise<BackendSession>;
      if (session instanceof Promise || !session.runSync) {
        void Promise.resolve(session).then((s) => s.dispose?.());
        for (const s of steps) s.dispose?.();
        return null; // not synchronous: PartitionedSession checks this before using a BodyRunner
      }
      steps.push({ partition: p, model: sub, backend: this.native.name, run: session.runSync, dispose: () => session.dispose?.() });
    }
    const constants = new Map<string, Tensor>();
    for (const o of outputs) {
      const v = facts.get(o)?.value;
      if (v && !split.partitions.some((p) => p.outputs.includes(o))) constants.set(o, v);
    }
    const report: BodyReport = { body: this.owners.get(g) ?? `graph '${g.name}'`, partitions: [], fallbacks: split.fallbacks, ...(inlined.length ? { inlined } : {}) };
    return { steps, constants, report, tail };
  }

  /** The nodes of body `g` after `remaining[cut]` as a graph run like a body (its constants its initializers). */
  private tailOf(g: Graph, body: Model, remaining: Node[], cut: number, facts: Map<string, ValueFact>, outputs: string[]): BodyPlan['tail'] {
    const partition = tailPartition(remaining.slice(cut + 1), facts, outputs);
    const initializers = new Map<string, Tensor>();
    for (const name of partition.constants) {
      const t = body.graph.initializers.get(name) ?? facts.get(name)?.value;
      if (t) initializers.set(name, t);
    }
    const graph: Graph = { name: `${g.name}/tail`, nodes: partition.nodes, inputs: [], outputs: partition.outputs.map((name) => ({ name })), valueInfo: [], initializers };
    this.owners.set(graph, `${this.owners.get(g) ?? `graph '${g.name}'`}, after '${remaining[cut]!.name}' (split when reached, with the shapes it produced)`);
    const interp = this.executor({ ...body, graph: { ...graph, inputs: partition.inputs.map((name) => ({ name })) } });
    return { graph, partition, interp };
  }

  private run(g: Graph, plan: BodyPlan, all: Map<string, RuntimeValue>): Map<string, Value> {
    const env = new Map<string, RuntimeValue>(all);
    for (const [k, v] of plan.constants) env.set(k, v);
    for (const step of plan.steps) {
      const subFeeds = new Map(step.partition.inputs.map((n) => [n, env.get(n) ?? null] as const));
      let out: Map<string, RuntimeValue>;
      try {
        out = step.run(subFeeds);
      } catch (e) {
        if (!isRefusal(step.backend, e)) throw e;
        step.dispose?.();
        const ex = this.executor(step.model);
        Object.assign(step, { backend: 'interp', run: (f: Map<string, RuntimeValue>) => ex.run(f), dispose: undefined, movedToInterp: e.message.split('\n')[0] });
        out = step.run(subFeeds);
      }
      for (const n of step.partition.outputs) env.set(n, out.get(n) ?? null);
    }
    if (plan.tail) {
      const { graph, partition, interp } = plan.tail;
      const out = this.runBody(graph, new Map(), (n) => env.get(n), NO_CONSTANTS) ?? interp.run(new Map(partition.inputs.map((n) => [n, env.get(n) ?? null])));
      for (const n of partition.outputs) env.set(n, out.get(n) ?? null);
    }
    this.lastRan.set(g, plan);
    const result = new Map<string, Value>();
    for (const o of g.outputs) result.set(o.name, env.get(o.name) ?? null);
    return result;
  }

  /** The last plan each body ran with, in first-run order. */
  private readonly lastRan = new Map<Graph, BodyPlan>();
  reports(): BodyReport[] {
    return [...this.lastRan.values()].map((plan) => ({
      ...plan.report,
      partitions: plan.steps.map((s) => ({ ...summarize(s.partition, s.backend), ...(s.movedToInterp ? { movedToInterp: s.movedToInterp } : {}) })),
    }));
  }

  dispose(): void {
    for (const byKey of this.plans.values()) byKey.clear();
    this.plans.clear();
    this.lastPlan.clear();
  }
}

/**
 * For a partition that is one If: its condition read on the host and the taken branch run by `bodies` directly,
 * with no interp executor around it. The function returns undefined when the branch is not partitioned (nothing
 * native in it, or a condition the If kernel would reject): the caller's executor runs the If then.
 */
export function ifDispatcher(bodies: BodyRunner, sub: Model): ((feeds: Map<string, RuntimeValue>) => Map<string, RuntimeValue> | undefined) | undefined {
  const [node, ...rest] = sub.graph.nodes;
  if (!node || rest.length || node.op !== 'If' || node.domain !== '') return undefined;
  const constants = constantsOf(sub.graph);
  const outer = (feeds: Map<string, RuntimeValue>) => (name: string) => feeds.get(name) ?? constants.get(name);
  return (feeds) => {
    const cond = feeds.get(node.inputs[0]!);
    if (!(cond instanceof Tensor) || cond.size !== 1) return undefined;
    const branch = node.attributes[storeOf(cond.data)[0] ? 'then_branch' : 'else_branch']?.value as Graph | undefined;
    if (!branch || branch.outputs.length !== node.outputs.length) return undefined;
    const out = bodies.runBody(branch, new Map(), outer(feeds), constants);
    if (!out) return undefined;
    const result = new Map<string, RuntimeValue>();
    node.outputs.forEach((o, i) => o && result.set(o, out.get(branch.outputs[i]!.name) ?? null));
    return result;
  };
}

/** Whether some If/Loop/Scan node in `nodes` has a body with a node the kernels could run. */
export function hasNativeBody(nodes: readonly Node[], model: Model, kernels: readonly string[]): boolean {
  return nodes.some((n) => subgraphsOf(n).some((g) => anyNodeNative({ ...model, graph: g }, kernels)));
}
