import type { DType } from '../ir/dtype';
import type { Model } from '../ir/graph';
import type { Tensor } from '../ir/tensor';

/** A runtime value crossing the backend boundary: a tensor, a sequence of tensors, or an absent optional. */
export type RuntimeValue = Tensor | Tensor[] | null;

export interface BackendCapabilities {
  /** Can execute a model (or a DispatchManifest) in-process. */
  runner: boolean;
  /** Can compile a model ahead of time. */
  builder: boolean;
  /** Devices it runs on, e.g. ['cpu']. */
  devices: string[];
  /** Higher wins when several backends fit. */
  priority: number;
  /** Ops it implements (`domain::Op`, '' domain written as just `Op`); undefined: ask `supportsOp`. */
  ops?: string[];
  dtypes?: DType[];
}

export interface SessionOptions {
  /** Worker threads a backend may use (0: backend default). */
  threads?: number;
  /** Record per-node timings of each run (read them with `BackendSession.profile`). */
  profile?: boolean;
  /** Called as a run goes: `done` of the `total` nodes of the main graph have run (a progress line; backends may call it rarely or never). */
  onNodeProgress?(done: number, total: number): void;
}

/** Wall time of one node in the last run (a node inside a Loop body is listed once per iteration). */
export interface NodeTiming {
  node: string;
  op: string;
  /** Self time: a node that runs a subgraph (If, Loop, Scan) excludes its body's nodes, which have timings of their own. */
  ms: number;
  /** The backend that ran it (a partitioned run mixes a native backend and the interp); absent: the run's backend. */
  backend?: string;
  /**
   * Nodes a native backend computed inside this node's step (a fusion, e.g. the Relu a Conv applies to its own
   * output): `ms` includes them and `op` joins their ops (`Conv+Relu`).
   */
  fused?: { node: string; op: string }[];
  /** Index of the partition it ran in (partitioned runs). */
  partition?: number;
  /** When the backend knows it: start, in ms from the start of its session's run (a `--profile-out` trace nests by it). */
  startMs?: number;
  /** With startMs: wall time from start to end, body nodes included (`ms` is the self time). */
  wallMs?: number;
  /** How deep in If/Loop/Scan bodies it ran (0: the main graph), when the backend knows it. */
  depth?: number;
  /** The shapes it ran with, when the backend knows them (null: an absent or non-tensor slot); GFLOP/s is computed from them. */
  shapes?: { inputs: (number[] | null)[]; outputs: (number[] | null)[] };
}

export interface BackendSession {
  run(feeds: Map<string, RuntimeValue>): Promise<Map<string, RuntimeValue>>;
  /**
   * Optional: do the per-shape work of a first run (plan, compile, allocate) for these feeds without running,
   * so `hodu run --benchmark` reports it as `compile_ms` apart from run latency. A session without it does
   * that work in `run` (or has none).
   */
  prepare?(feeds: Map<string, RuntimeValue>): void | Promise<void>;
  /** Per-node timings of the last run, when the session was created with `profile` and the backend can. */
  profile?(): NodeTiming[] | undefined;
  dispose?(): void;
}

export type Availability = { ok: true } | { ok: false; reason: string };

/** What `hodu build` asks of a builder backend (`BackendPlugin.build`). */
export interface BuildRequest {
  /** `encodeManifest(planManifest(...))` for the model's static shapes, 64-byte aligned. */
  manifest: Uint8Array;
  /** The artifact's default thread count. */
  threads: number;
  /** The normalized target triple, e.g. "x86_64-linux-gnu", "aarch64-linux-gnu". */
  target: string;
  /** An existing folder where the backend writes its generated C files. */
  outDir: string;
}

/** What a builder backend hands back: the files it generated and its own sources, compiled with the model. */
export interface BuildRecipe {
  /** Absolute paths of the C files the backend wrote into `outDir`. */
  generated: string[];
  /** The backend's own sources, compiled into a kernel library once per target and cached. */
  library: {
    /** The folder `sources` are relative to. */
    root: string;
    sources: string[];
    /** Absolute include folders. */
    includeDirs: string[];
    cflags: string[];
    /** A stable identity of the sources and flags (sha256 hex), part of the compile cache key. */
    id: string;
  };
  /** Linker flags the artifact needs, e.g. ['-lm', '-pthread']. */
  ldflags: string[];
}

/** A backend plugin: a runner, a builder, or both. */
export interface BackendPlugin {
  name: string;
  version: string;
  capabilities: BackendCapabilities;
  /** Whether it can start here (compiler present, right platform…), and why not. */
  available?(): Availability;
  /** Ops of `model` it cannot run (empty: it can run the whole model). */
  unsupportedOps?(model: Model): string[];
  /**
   * Kernel names it runs (src/sdk/kernel-names.ts), native backends only. With a list, hodu can partition a
   * model it runs only in part: the nodes it has kernels for run on it, the rest on the interp.
   */
  kernels?: readonly string[];
  createSession(model: Model, options?: SessionOptions): BackendSession | Promise<BackendSession>;
  /**
   * Builders only (`capabilities.builder`): check that every step of the request's manifest binds (an error
   * naming the node otherwise, before anything is written) and write the generated C into `request.outDir`,
   * each step's line commented `step N: KERNEL, node 'NAME' (OP)` (docs/abi.md, ABI 3).
   */
  build?(request: BuildRequest): Promise<BuildRecipe>;
}

export function defineBackendPlugin(plugin: BackendPlugin): BackendPlugin {
  return plugin;
}
