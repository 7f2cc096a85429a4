/**
 * A native backend plugin as a BackendPlugin: sessions plan a DispatchManifest per input-shape set (the last
 * MAX_NATIVE_PLANS kept, each with its plugin handle), hand it to the plugin's create, and run it, in-process
 * through bun:ffi or isolated in a child process.
 */
import { HoduError } from '../../errors';
import { nativeThreads } from '../../util/physical-cores';
import { feedInputs, type Model } from '../../ir/graph';
import { Tensor } from '../../ir/tensor';
import { planManifest } from '../../plan/plan-manifest';
import type { BackendCapabilities, BackendPlugin, BackendSession, BuildRecipe, BuildRequest, NodeTiming, RuntimeValue, SessionOptions } from '../../sdk/backend';
import { encodeManifest, type DispatchManifest } from '../../sdk/manifest';
import { NativeBackendBinding, type NativeHandle } from './binding';
import { nativeUnsupportedOps } from './kernel-fit';
import { PluginCrashError, runIsolated } from './isolate';
import type { NativePluginInfo } from './probe';
import { checkNativePlanMemory } from './memory-budget';
import { widenedF16Bytes } from './widened-f16';
import { feedShapes, packInputs, PlanIo, unpackOutputs } from './tensor-io';
import { LruCache } from '../../util/lru-cache';
import { stepNodeTimings, type StepTime } from './step-times';

export interface NativeBackendOptions {
  /** Run every session in a child process (crash isolation). */
  isolate?: boolean;
  /** Isolated runs are killed after this long. */
  timeoutMs?: number;
  /** From the plugin's package.json `hodu.capabilities` (priority, ops, dtypes); the descriptor wins for runner/builder/devices. */
  capabilities?: Partial<BackendCapabilities>;
  /** Called when an isolated run dies by a signal, before the error is thrown (installed plugins record it). */
  onCrash?: (crash: { signal: string; where: string }) => Promise<void> | void;
  /**
   * The plugin's own sources as a kernel library (build-recipe.ts), for the recipe of `build()`: installed
   * plugins give their package folder's. A builder (HODU_CAP_BUILDER, ABI ≥ 3, a build entry) gets `build()`
   * only with it.
   */
  library?: () => Promise<{ library: BuildRecipe['library']; ldflags: string[] }>;
}

function checkKernels(m: DispatchManifest, info: NativePluginInfo): void {
  const missing = m.steps.find((s) => !info.kernels.includes(s.kernel));
  if (missing) {
    throw new HoduError('E_UNSUPPORTED_KERNEL', `plugin '${info.name}' has no kernel '${missing.kernel}' (node '${missing.node}')`, {
      hint: `its kernels: ${info.kernels.join(', ') || '(none)'}; use --backend interp for this model`,
    });
  }
}

/** Plans (manifest and plugin handle) a session keeps, one per input-shape set; the least recently used is destroyed first. */
export const MAX_NATIVE_PLANS = 4;

interface NativePlan {
  manifest: DispatchManifest;
  handle: NativeHandle | undefined;
  /** The fed shapes it was planned for, in graph input order (a run fed the same shapes skips the key). */
  shapes: number[][];
  /** Its reused buffers and pointer tables (in-process runs only). */
  io: PlanIo | undefined;
}

/** The input and output buffers a plan's PlanIo may allocate (staging for every input at worst). */
const ioBytes = (m: DispatchManifest) => [...m.inputs, ...m.outputs].reduce((a, id) => a + m.tensors[id]!.byteSize, 0);

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

class NativeSession implements BackendSession {
  /** By input shapes, most recently used last: a model with a dynamic batch alternating between sizes is planned once per size. */
  private readonly plans = new LruCache<string, NativePlan>(MAX_NATIVE_PLANS, (plan) => this.releasePlan(plan));
  private current: NativePlan | undefined;

  /**
   * In-process sessions can also run synchronously: an If/Loop body's native partitions run inside the interp's
   * synchronous executor (src/runtime/partition/bodies.ts). Undefined for isolated sessions (a child process).
   */
  readonly runSync: ((feeds: Map<string, RuntimeValue>) => Map<string, RuntimeValue>) | undefined;
  /**
   * Like run, in-process only, but the outputs view the plan's reused buffers (tensor-io.ts ownValue copies them): valid
   * until this session's next run. A partitioned session hands values between partitions this way.
   */
  readonly runBorrowed: ((feeds: Map<string, RuntimeValue>) => Promise<Map<string, RuntimeValue>>) | undefined;
  private readonly fedNames: string[];
  /** With --profile, an isolated run's step times (the child's handle is gone by then), for profile(). */
  private isolatedTimes: { manifest: DispatchManifest; times: StepTime[] } | undefined;

  constructor(
    private readonly model: Model,
    private readonly info: NativePluginInfo,
    private readonly binding: NativeBackendBinding | undefined,
    private readonly opts: NativeBackendOptions,
    private readonly threads = 0,
    private readonly profiling = false,
  ) {
    this.runSync = binding ? (feeds) => this.runInProcess(binding, feeds, false) : undefined;
    this.runBorrowed = binding ? async (feeds) => this.runInProcess(binding, feeds, true) : undefined;
    this.fedNames = feedInputs(model.graph).map((i) => i.name);
  }

  private runInProcess(binding: NativeBackendBinding, feeds: Map<string, RuntimeValue>, borrow: boolean): Map<string, RuntimeValue> {
    this.plan(feeds);
    const plan = this.current!;
    const io = (plan.io ??= new PlanIo(plan.manifest, this.info.name));
    const inputs = io.bindInputs(feeds);
    binding.runTables(plan.handle!, io.inputTable, io.outputTable);
    return io.unpack(inputs, borrow);
  }

  /** Plans the manifest and creates the plugin's handle for these feed shapes (what --benchmark times as compile_ms). */
  prepare(feeds: Map<string, RuntimeValue>): void {
    this.plan(feeds);
  }

  private plan(feeds: Map<string, RuntimeValue>): DispatchManifest {
    const current = this.current;
    if (current && this.fedAsPlanned(feeds, current)) return current.manifest;
    const shapes = feedShapes(this.model, feeds, this.info.name);
    const key = JSON.stringify([...shapes]);
    const cached = this.plans.get(key);
    if (cached) {
      this.current = cached;
      return cached.manifest;
    }
    const manifest = planManifest(this.model, shapes);
    checkKernels(manifest, this.info);
    const encoded = encodeManifest(manifest);
    if (this.binding) checkNativePlanMemory({ arena: manifest.arenaSize, manifest: encoded.byteLength, io: ioBytes(manifest), packed: manifest.weights.byteLength, widened: widenedF16Bytes(manifest) }, this.info.name);
    const plan: NativePlan = { manifest, handle: this.binding?.create(encoded, { threads: this.threads }), shapes: this.fedNames.map((n) => shapes.get(n)!), io: undefined };
    if (this.profiling && plan.handle) this.binding!.enableStepTimes(plan.handle);
    this.plans.set(key, plan);
    this.current = plan;
    return manifest;
  }

  /** Whether every graph input is fed a tensor of the dims `plan` was made for (a loop: this runs every run). */
  private fedAsPlanned(feeds: Map<string, RuntimeValue>, plan: NativePlan): boolean {
    for (let i = 0; i < this.fedNames.length; i++) {
      const v = feeds.get(this.fedNames[i]!);
      if (!(v instanceof Tensor) || !sameDims(v.dims, plan.shapes[i]!)) return false;
    }
    return true;
  }

  async run(feeds: Map<string, RuntimeValue>): Promise<Map<string, RuntimeValue>> {
    if (this.binding) return this.runInProcess(this.binding, feeds, false);
    const m = this.plan(feeds);
    const inputs = packInputs(m, feeds, this.info.name);
    let outputs: Uint8Array[];
    try {
      this.isolatedTimes = undefined;
      const onStepTimes = (times: StepTime[]) => (this.isolatedTimes = { manifest: m, times });
      outputs = await runIsolated(this.info.path, m, inputs, { name: this.info.name, timeoutMs: this.opts.timeoutMs, threads: this.threads, profile: this.profiling, onStepTimes });
    } catch (e) {
      if (e instanceof PluginCrashError) await this.opts.onCrash?.({ signal: e.signal, where: e.where });
      throw e;
    }
    return unpackOutputs(m, outputs, inputs);
  }

  /**
   * With --profile, one timing per node of the last run (a fused step on the node it starts from), when the plugin
   * has the optional timing export (step-times.ts); undefined otherwise: the run is timed as a whole.
   */
  profile(): NodeTiming[] | undefined {
    if (!this.profiling) return undefined;
    const plan = this.current;
    const last = this.binding ? plan?.handle && { manifest: plan.manifest, times: this.binding.stepTimes(plan.handle, plan.manifest.steps.length) } : this.isolatedTimes;
    if (!last?.times) return undefined;
    const ops = new Map(this.model.graph.nodes.map((n) => [n.name, n.op] as const));
    return stepNodeTimings(last.manifest, last.times, (node) => ops.get(node), this.info.name);
  }

  private releasePlan(plan: NativePlan): void {
    if (plan.handle && this.binding) this.binding.destroy(plan.handle);
    plan.handle = undefined;
  }

  dispose(): void {
    this.plans.clear();
    this.current = undefined;
  }
}

/**
 * Wraps a probed native library (probeNativeLibrary) as a BackendPlugin. In-process sessions share one
 * dlopen of the library; isolated sessions never load it in this process.
 */
export function loadNativeBackend(libPath: string, info: NativePluginInfo, opts: NativeBackendOptions = {}): BackendPlugin {
  if (info.type !== 'backend') throw new HoduError('E_PLUGIN_LOAD', `plugin '${info.name}' is a ${info.type} plugin, not a backend`);
  let binding: NativeBackendBinding | undefined;
  const caps = opts.capabilities ?? {};
  const library = opts.library;
  // In this process even for plugins whose runs are isolated: a build runs once, at `hodu build`'s request.
  const build =
    info.builder && info.buildEntry && library
      ? async (request: BuildRequest): Promise<BuildRecipe> => {
          binding ??= new NativeBackendBinding(libPath, info.name);
          const generated = binding.build(request.manifest, { threads: request.threads, target: request.target }, request.outDir);
          return { generated, ...(await library()) };
        }
      : undefined;
  return {
    name: info.name,
    version: info.version,
    capabilities: {
      runner: info.runner,
      // A builder flag alone (an ABI-1/2 plugin, a NULL build, no sources known) cannot build.
      builder: build !== undefined,
      devices: info.devices.length ? info.devices : (caps.devices ?? ['cpu']),
      priority: caps.priority ?? 50,
      ops: caps.ops,
      dtypes: caps.dtypes,
    },
    available: () => (info.runner ? { ok: true } : { ok: false, reason: 'it declares no runner capability' }),
    unsupportedOps: (model) => nativeUnsupportedOps(model, info.kernels),
    kernels: info.kernels,
    ...(build ? { build } : {}),
    createSession(model, sessionOpts?: SessionOptions) {
      // Resolved here, so that the plugin gets (and --benchmark reports) a definite count: physical cores by default.
      const threads = nativeThreads(sessionOpts?.threads);
      const profiling = sessionOpts?.profile === true;
      if (opts.isolate) return new NativeSession(model, { ...info, path: libPath }, undefined, opts, threads, profiling);
      binding ??= new NativeBackendBinding(libPath, info.name);
      return new NativeSession(model, binding.info, binding, opts, threads, profiling);
    },
  };
}
