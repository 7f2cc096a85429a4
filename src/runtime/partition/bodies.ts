/**
 * If/Loop/Scan bodies partitioned too. The control-flow node itself stays on the interp; the interp's executor
 * hands each body it is about to run to `runBody` (ExecuteOptions.runBody), which splits the body like a
 * graph (split.ts) with the shapes of the values it actually receives (its inputs and the outer values it
 * reads), runs the native partitions on the native backend and the rest on an executor with the same hook
 * (nested bodies). The executor is synchronous, so this needs a native session that runs synchronously: an
 * in-process one (`runSync`); an isolated plugin runs in a child process, and its bodies stay on the interp.
 * Plans are kept per body graph and shape set (a Loop body runs the same plan every iteration), bounded.
 */
import { Executor } from '../../backends/interp/executor';
import type { Value } from '../../backends/interp/kernel';
import { HoduError } from '../../errors';
import type { Graph, Model, Node } from '../../ir/graph';
import { namedSubgraphs, outerReads, subgraphsOf } from '../../ir/subgraphs';
import type { Tensor } from '../../ir/tensor';
import type { BackendPlugin, BackendSession, RuntimeValue, SessionOptions } from '../../sdk/backend';
import { anyNodeNative } from '../../sdk/kernel-coverage';
import { feedShapesKey, inferWithFeeds } from './facts';
import { summarize, type BodyReport } from './report';
import { partitionNodes, type Partition } from './split';
import { partitionModel } from './sub-model';
import { LruCache } from '../../util/lru-cache';

/** Shape sets kept per body graph; the least recently used plan (and its native handles) goes first. */
const MAX_BODY_PLANS = 8;

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
  private readonly reads = new Map<Graph, string[]>();

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

  /** An executor for `model` whose bodies go through this runner. */
  executor(model: Model): Executor {
    return new Executor(model, { runBody: this.runBody });
  }

  /** The ExecuteOptions.runBody hook; undefined lets the executor run the body itself. */
  readonly runBody = (g: Graph, feeds: Map<string, Value>, outer: (name: string) => Value | undefined): Map<string, Value> | undefined => {
    let worth = this.worthTrying.get(g);
    if (worth === undefined) this.worthTrying.set(g, (worth = anyNodeNative({ ...this.model, graph: g }, this.native.kernels)));
    if (!worth) return undefined;
    const all = new Map<string, RuntimeValue>(feeds);
    let reads = this.reads.get(g);
    if (!reads) this.reads.set(g, (reads = [...outerReads(g)])); // a Loop body asks every iteration
    for (const name of reads) {
      const v = all.has(name) ? undefined : outer(name);
      if (v !== undefined) all.set(name, v);
    }
    const plan = this.plan(g, all);
    return plan ? this.run(g, plan, all) : undefined;
  };

  private plan(g: Graph, all: Map<string, RuntimeValue>): BodyPlan | null {
    let byKey = this.plans.get(g);
    if (!byKey) this.plans.set(g, (byKey = new LruCache(MAX_BODY_PLANS, disposeBodyPlan)));
    const key = feedShapesKey(all);
    if (byKey.has(key)) return byKey.get(key)!;
    const plan = this.makePlan(g, all);
    byKey.set(key, plan);
    return plan;
  }

  private makePlan(g: Graph, all: Map<string, RuntimeValue>): BodyPlan | null {
    // The body as a model whose inputs are its own and the outer values it reads, typed from the values at hand.
    const inputs = [...g.inputs, ...[...all.keys()].filter((n) => !g.inputs.some((i) => i.name === n)).map((name) => ({ name }))];
    const body: Model = { ...this.model, graph: { ...g, inputs } };
    const { facts, remaining, inlined } = inferWithFeeds(body, all);
    const outputs = g.outputs.map((o) => o.name);
    const split = partitionNodes(remaining, facts, outputs, { name: this.native.name, kernels: this.native.kernels });
    if (!split.partitions.some((p) => p.backend === 'native')) return null;
    const steps: BodyStep[] = [];
    for (const [i, p] of split.partitions.entries()) {
      const sub = partitionModel(body, p, i, facts);
      if (p.backend === 'interp') {
        const ex = this.executor(sub);
        steps.push({ partition: p, model: sub, backend: 'interp', run: (f) => ex.run(f) });
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
    return { steps, constants, report };
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
    plan.report.partitions = plan.steps.map((s) => ({ ...summarize(s.partition, s.backend), ...(s.movedToInterp ? { movedToInterp: s.movedToInterp } : {}) }));
    this.lastReports.set(g, plan.report);
    return new Map(g.outputs.map((o) => [o.name, env.get(o.name) ?? null]));
  }

  /** The last plan each body ran with, in first-run order. */
  private readonly lastReports = new Map<Graph, BodyReport>();
  reports(): BodyReport[] {
    return [...this.lastReports.values()];
  }

  dispose(): void {
    for (const byKey of this.plans.values()) byKey.clear();
    this.plans.clear();
  }
}

/** Whether some If/Loop/Scan node in `nodes` has a body with a node the kernels could run. */
export function hasNativeBody(nodes: readonly Node[], model: Model, kernels: readonly string[]): boolean {
  return nodes.some((n) => subgraphsOf(n).some((g) => anyNodeNative({ ...model, graph: g }, kernels)));
}
