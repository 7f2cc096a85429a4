/**
 * A BackendSession that runs a model split between a native backend and the interp (split.ts): partitions in
 * order, native ones on the native backend, the rest on the interp, values handed from one to the next as the
 * same objects. The split depends on the feeds' shapes (a node runs natively only when its shapes are static),
 * so it is made per shape set and kept, with its sub-sessions, for the last MAX_PLANS shape sets.
 * A native partition the plugin refuses (an attribute or dtype its kernel does not do) or that cannot be
 * planned moves to the interp, and the report says why: never a wrong answer.
 */
import { HoduError } from '../../errors';
import type { Model, Node } from '../../ir/graph';
import type { InlinedIf } from '../../passes/analysis/body-facts';
import type { Tensor } from '../../ir/tensor';
import type { BackendPlugin, BackendSession, NodeTiming, RuntimeValue, SessionOptions } from '../../sdk/backend';
import { setThreads } from '../../backends/interp/parallel/worker-pool';
import { memoryLimitActive } from '../../plugins/native/memory-budget';
import { ownValue } from '../../plugins/native/tensor-io';
import { BodyRunner, hasNativeBody, ifDispatcher, isRefusal } from './bodies';
import { feedShapesKey, feedShapesOf, inferWithFeeds, sameFeedShapes, type FeedShapes } from './facts';
import { summarize, type PartitionReport } from './report';
import { partitionNodes, replanPoint, tailPartition, type Partition } from './split';
import { partitionModel } from './sub-model';
import type { NativeTarget } from './support';
import { LruCache } from '../../util/lru-cache';

/** Shape sets whose plans (and native handles) a session keeps; the least recently used goes first. */
export const MAX_PLANS = 4;


interface Step {
  partition: Partition;
  /** Wall time of its last run (--profile shows a native partition whose plugin times no step as one entry). */
  ms?: number;
  /** What its session runs: the partition's sub-model (or the model itself when it is the only partition). */
  model: Model;
  backend: string;
  session: BackendSession;
  movedToInterp?: string;
}

interface Plan {
  steps: Step[];
  /** One partition covering every node: its session runs the model itself. */
  whole: boolean;
  /**
   * The nodes after an interp partition whose outputs' shapes are known only once it ran (split.ts replanPoint):
   * a session of their own, which splits them again for the shapes it is fed.
   */
  tail?: { partition: Partition; session: PartitionedSession; after: string };
  /** Graph outputs known before running anything (folded constants). */
  constants: Map<string, Tensor>;
  report: PartitionReport;
}

const isolatedNote = (name: string) => `If/Loop/Scan bodies run on the interp: ${name} runs in a child process (isolated), and bodies run inside the interp's synchronous executor; with --no-isolate they are partitioned too`;

/**
 * Runs one partition. Between partitions a native session lends its outputs (views of buffers it reuses
 * every run, so nothing is allocated or copied, and the next native partition is handed the same aligned
 * addresses as last time); they are valid for the rest of this run, since no partition runs twice in one.
 */
function runStep(session: BackendSession, feeds: Map<string, RuntimeValue>, whole: boolean): Promise<Map<string, RuntimeValue>> {
  const borrowing = (session as { runBorrowed?: BackendSession['run'] }).runBorrowed;
  return !whole && borrowing ? borrowing(feeds) : session.run(feeds);
}

export class PartitionedSession implements BackendSession {
  private readonly plans = new LruCache<string, Plan>(MAX_PLANS, (plan) => this.disposePlan(plan));
  /** Nodes the plugin refused at create(), by name, with its message: they stay on the interp from then on. */
  private readonly refused = new Map<string, string>();
  private last: Plan | undefined;
  /** The plan of the last shape set planned or looked up, while it is still kept: the same shapes skip the key. */
  private recent: { key: string; shapes: FeedShapes; plan: Plan } | undefined;
  private readonly outputNames: string[];
  /** Runs If/Loop/Scan bodies partitioned; undefined until needed, null when the native sessions cannot run synchronously. */
  private bodies: BodyRunner | null | undefined;

  constructor(
    private readonly model: Model,
    private readonly native: BackendPlugin & { kernels: readonly string[] },
    private readonly interp: BackendPlugin,
    private readonly options: SessionOptions = {},
  ) {
    this.outputNames = model.graph.outputs.map((o) => o.name);
  }

  private get target(): NativeTarget {
    return { name: this.native.name, kernels: this.native.kernels, refused: this.refused };
  }

  private async plan(feeds: Map<string, RuntimeValue>): Promise<Plan> {
    const recent = this.recent;
    if (recent && sameFeedShapes(feeds, recent.shapes) && this.plans.has(recent.key)) return recent.plan;
    const key = feedShapesKey(feeds);
    const shapes = feedShapesOf(feeds);
    const cached = this.plans.get(key);
    if (cached) {
      this.recent = shapes && { key, shapes, plan: cached };
      return cached;
    }
    const { facts, remaining, inlined } = inferWithFeeds(this.model, feeds);
    const outputs = this.model.graph.outputs.map((o) => o.name);
    let split = partitionNodes(remaining, facts, outputs, this.target);
    const cut = replanPoint(remaining, facts, split.fallbacks);
    const tailPart = cut < 0 ? undefined : tailPartition(remaining.slice(cut + 1), facts, outputs);
    if (tailPart) split = partitionNodes(remaining.slice(0, cut + 1), facts, [...outputs, ...tailPart.inputs], this.target);
    // One partition covering every node: the model itself (no copy of its graph, outputs that are inputs kept),
    // unless an If was replaced by its branch: the model still holds the If.
    const whole = !tailPart && split.partitions.length === 1 && !inlined.length;
    const steps: Step[] = [];
    for (const [i, p] of split.partitions.entries()) {
      const sub = whole ? this.model : partitionModel(this.model, p, i, facts);
      const backend = p.backend === 'native' ? this.native : this.interp;
      // With --profile, bodies stay with the interp, whose timings count a body's nodes once, apart from the If.
      // With --max-memory too: this thread cannot sample the RSS while it runs a body (memory-budget.ts).
      const bodies = p.backend === 'interp' && !this.options.profile && !memoryLimitActive() && hasNativeBody(p.nodes, this.model, this.native.kernels) ? await this.bodyRunner() : undefined;
      const session = bodies ? this.bodyExecutorSession(bodies, sub) : await backend.createSession(sub, this.options);
      steps.push({ partition: p, model: sub, backend: backend.name, session });
    }
    const constants = new Map<string, Tensor>();
    for (const o of outputs) {
      const v = facts.get(o)?.value;
      if (v && !remaining.some((n) => n.outputs.includes(o))) constants.set(o, v);
    }
    const report: PartitionReport = {
      native: this.native.name,
      partitions: [],
      fallbacks: split.fallbacks,
      folded: foldedCount(this.model.graph.nodes, remaining, inlined),
      ...(inlined.length ? { inlined } : {}),
      note: !hasNativeBody(remaining, this.model, this.native.kernels) ? undefined
        : this.options.profile ? 'with --profile, If/Loop/Scan bodies run on the interp, whose timings count body nodes apart from the node that holds them'
        : memoryLimitActive() ? 'with --max-memory, If/Loop/Scan bodies run on the interp, in its worker thread, where memory is watched while they run'
        : this.bodies === null ? isolatedNote(this.native.name) : undefined,
    };
    let tail: Plan['tail'];
    if (tailPart) {
      const tailModel = partitionModel(this.model, tailPart, split.partitions.length, facts);
      tail = { partition: tailPart, session: new PartitionedSession(tailModel, this.native, this.interp, this.options), after: remaining[cut]!.name };
    }
    const plan: Plan = { steps, whole, tail, constants, report };
    this.plans.set(key, plan);
    this.recent = shapes && { key, shapes, plan };
    return plan;
  }

  /**
   * Partitions for these feed shapes and creates the partitions' sessions; a single partition also plans
   * (its own prepare), so `hodu run --benchmark` reports that as compile_ms. Partitions fed by others plan on
   * their first run: their input shapes are known only then.
   */
  async prepare(feeds: Map<string, RuntimeValue>): Promise<void> {
    const plan = await this.plan(feeds);
    const step = plan.whole ? plan.steps[0]! : undefined;
    if (!step?.session.prepare) return;
    try {
      await step.session.prepare(feeds);
    } catch (e) {
      if (!isRefusal(step.backend, e)) throw e;
      if (this.refuseNode(step, e)) return this.prepare(feeds);
      await this.moveToInterp(step, e);
    }
  }

  async run(feeds: Map<string, RuntimeValue>): Promise<Map<string, RuntimeValue>> {
    const plan = await this.plan(feeds);
    this.last = plan;
    const whole = plan.whole;
    // Graph inputs with an initializer default are values too when not fed. One partition produces every
    // output itself (checked below), so it needs none of them.
    const env = new Map<string, RuntimeValue>(whole ? undefined : this.model.graph.initializers);
    if (!whole) for (const [k, v] of feeds) env.set(k, v);
    if (!whole) for (const [k, v] of plan.constants) env.set(k, v);
    for (const [i, step] of plan.steps.entries()) {
      const subFeeds = whole ? feeds : new Map(step.partition.inputs.map((n) => [n, env.get(n) ?? null] as const));
      let out: Map<string, RuntimeValue>;
      const started = performance.now();
      try {
        out = await runStep(step.session, subFeeds, whole);
      } catch (e) {
        if (!isRefusal(step.backend, e)) throw e;
        if (this.refuseNode(step, e)) return this.run(feeds); // split again without that node (no output is out yet)
        await this.moveToInterp(step, e);
        out = await step.session.run(subFeeds);
      }
      step.ms = performance.now() - started;
      const names = whole ? this.outputNames : step.partition.outputs;
      for (const n of names) {
        if (!out.has(n)) throw new HoduError('E_BACKEND', `backend '${step.backend}' did not produce '${n}' (partition ${i})`);
      }
      if (whole) {
        // One partition ran the model itself: its map is the result (values lent from deeper down are copied).
        for (const [n, v] of out) {
          const own = ownValue(v);
          if (own !== v) out.set(n, own);
        }
        return out;
      }
      for (const n of names) env.set(n, out.get(n)!);
    }
    if (plan.tail) {
      const out = await plan.tail.session.run(new Map(plan.tail.partition.inputs.map((n) => [n, env.get(n) ?? null] as const)));
      for (const n of plan.tail.partition.outputs) env.set(n, out.get(n) ?? null);
    }
    // Values a native partition lent (its reused buffers) are copied once they leave the run.
    return new Map(this.model.graph.outputs.map((o) => [o.name, ownValue(env.get(o.name) ?? null)]));
  }

  /**
   * A refusal that names one node of a native partition of several (`… (node 'NAME'): …`, as backend-cpu's do):
   * that node alone goes to the interp, for every shape set (a refusal may depend on shapes; this errs on the
   * safe side), and every plan is dropped so the next run splits again. False: move the whole partition.
   */
  private refuseNode(step: Step, e: HoduError): boolean {
    const name = /\(node '([^']+)'\)/.exec(e.message)?.[1];
    if (!name || step.partition.nodes.length < 2 || !step.partition.nodes.some((n) => n.name === name) || this.refused.has(name)) return false;
    this.refused.set(name, e.message.split('\n')[0]!);
    this.plans.clear();
    return true;
  }

  private async moveToInterp(step: Step, e: HoduError): Promise<void> {
    step.session.dispose?.();
    step.session = await this.interp.createSession(step.model, this.options);
    step.backend = this.interp.name;
    step.movedToInterp = e.message.split('\n')[0];
  }

  /** The body runner, when the native backend's sessions run synchronously (in-process); null otherwise. */
  private async bodyRunner(): Promise<BodyRunner | null> {
    if (this.bodies !== undefined) return this.bodies;
    const probe = (await this.native.createSession(this.model, this.options)) as BackendSession & { runSync?: unknown };
    const sync = typeof probe.runSync === 'function';
    probe.dispose?.();
    this.bodies = sync ? new BodyRunner(this.model, this.native, this.options) : null;
    return this.bodies;
  }

  /**
   * An interp partition holding a body worth partitioning: run in this thread, by an executor that hands bodies
   * to `bodies`; a partition that is one If skips the executor (its condition is read here, ifDispatcher).
   */
  private bodyExecutorSession(bodies: BodyRunner, sub: Model): BackendSession {
    const executor = bodies.executor(sub);
    const dispatch = ifDispatcher(bodies, sub);
    return {
      run: async (feeds) => {
        setThreads(this.options.threads || 1);
        return dispatch?.(feeds) ?? executor.run(feeds);
      },
    };
  }

  /** The partitions of the last run and the nodes that fell back, for `--explain`. */
  explain(): PartitionReport | undefined {
    const plan = this.last;
    if (!plan) return undefined;
    const bodies = this.bodies?.reports() ?? [];
    const tail = plan.tail?.session.explain();
    for (const b of tail?.bodies ?? []) bodies.push(b);
    const partitions = plan.steps.map((s) => ({ ...summarize(s.partition, s.backend), ...(s.movedToInterp ? { movedToInterp: s.movedToInterp } : {}) }));
    return {
      ...plan.report,
      ...(bodies.length ? { bodies } : {}),
      partitions: [...partitions, ...(tail?.partitions ?? []).map((p) => ({ ...p, splitWhenReached: p.splitWhenReached ?? plan.tail!.after }))],
      ...(plan.report.inlined || tail?.inlined ? { inlined: [...(plan.report.inlined ?? []), ...(tail?.inlined ?? [])] } : {}),
      fallbacks: [...plan.report.fallbacks, ...(tail?.fallbacks ?? [])],
      folded: plan.report.folded + (tail?.folded ?? 0),
      ...(plan.report.note || tail?.note ? { note: plan.report.note ?? tail?.note } : {}),
    };
  }

  /** Per-node timings of the last run, each with its backend and partition; a partition whose backend times no node is one entry. */
  profile(): NodeTiming[] {
    const steps = this.last?.steps ?? [];
    const own = steps.flatMap((s, i): NodeTiming[] => {
      const timings = s.session.profile?.();
      if (timings) return timings.map((t) => ({ ...t, backend: t.backend ?? s.backend, partition: i }));
      const ops = summarize(s.partition, s.backend).ops.join(', ');
      return s.ms === undefined ? [] : [{ node: `partition #${i} (${ops})`, op: `${s.backend} partition`, ms: s.ms, backend: s.backend, partition: i }];
    });
    const tail = (this.last?.tail?.session.profile() ?? []).map((t) => ({ ...t, partition: steps.length + (t.partition ?? 0) }));
    return [...own, ...tail];
  }

  /** Wall time of each partition in the last run (--profile --json), numbered as profile() and --explain number them. */
  partitionTimes(): { partition: number; backend: string; nodes: number; ms: number }[] {
    const steps = this.last?.steps ?? [];
    const own = steps.flatMap((s, i) => (s.ms === undefined ? [] : [{ partition: i, backend: s.backend, nodes: s.partition.nodes.length, ms: s.ms }]));
    const tail = (this.last?.tail?.session.partitionTimes() ?? []).map((p) => ({ ...p, partition: steps.length + p.partition }));
    return [...own, ...tail];
  }

  private disposePlan(plan: Plan): void {
    for (const s of plan.steps) s.session.dispose?.();
    plan.tail?.session.dispose();
  }

  dispose(): void {
    this.plans.clear();
    this.bodies?.dispose();
    this.last = undefined;
  }
}

/** How many of `nodes` were folded to constants: neither still to run nor an If replaced by its branch. */
function foldedCount(nodes: readonly Node[], remaining: readonly Node[], inlined: readonly InlinedIf[]): number {
  const left = new Set(remaining);
  const replaced = new Set(inlined.map((i) => i.node));
  return nodes.filter((n) => !left.has(n) && !replaced.has(n.name)).length;
}

/** The session `hodu run` makes for a native backend with a kernel list: partitioned between it and the interp. */
export function createPartitionedSession(model: Model, native: BackendPlugin & { kernels: readonly string[] }, interp: BackendPlugin, options?: SessionOptions): PartitionedSession {
  return new PartitionedSession(model, native, interp, options);
}
