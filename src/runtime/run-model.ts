import { HoduError } from '../errors';
import { chooseBackend, loadBackend } from '../backends/registry';
import type { PartitionReport } from './partition/report';
import type { PreparedModel } from './prepare';
import type { Model } from '../ir/graph';
import type { BackendPlugin, BackendSession, NodeTiming, RuntimeValue, SessionOptions } from '../sdk/backend';
import type { PartitionedSession } from './partition/session';

interface RunResult {
  backend: string;
  outputs: Map<string, RuntimeValue>;
  /** Milliseconds spent in session.run (excludes loading). */
  runMs: number;
  /** Per-node timings, when asked for and the backend records them. */
  profile?: NodeTiming[];
  /** With profile, a partitioned run's wall time per partition (the nodes of a native one add up to at most that). */
  partitionTimes?: { partition: number; backend: string; nodes: number; ms: number }[];
  /** A native backend with a kernel list runs partitioned with the interp: its partitions and fallbacks (`--explain`). */
  partitions?: PartitionReport;
}

/** A progress line's view of a run: when computing starts, and nodes done (from backends that report them). */
interface RunProgressHooks {
  run(): void;
  node(done: number, total: number): void;
}

/** A backend fixed by the model itself instead of selection (a model built by `hodu build` runs on its own), and why. */
export interface UseBackend {
  backend: BackendPlugin;
  reason: string;
}

/** The backend a run uses, why (for --verbose), and warnings about it (always shown). */
export interface BackendChoice {
  backend: string;
  reason: string;
  notes: string[];
}

/**
 * The session a model runs in: a native backend that names its kernels runs what it has kernels for and the
 * interp the rest (src/runtime/partition/); any other backend runs the whole model. `partitioned` is that
 * session again when it is split, for its --explain report.
 */
export async function createRunSession(model: Model, backend: BackendPlugin, options: SessionOptions): Promise<{ session: BackendSession; partitioned?: PartitionedSession }> {
  if (!backend.kernels || backend.name === 'interp') return { session: await backend.createSession(model, options) };
  const { createPartitionedSession } = await import('./partition/session');
  // Node progress counts the main graph's nodes: a partition's session would count its own from 1 again.
  const { onNodeProgress: _, ...whole } = options;
  const partitioned = createPartitionedSession(model, backend as BackendPlugin & { kernels: readonly string[] }, await loadBackend('interp'), whole);
  return { session: partitioned, partitioned };
}

/** Runs a prepared model (prepareModel, once: the caller may need it first, e.g. for the memory estimate) on the chosen backend with already-bound inputs. */
export async function runModel(model: PreparedModel, feeds: Map<string, RuntimeValue>, opts: { backend?: string; backendFrom?: string; device?: string; threads?: number; isolate?: boolean; profile?: boolean; onSelect?: (choice: BackendChoice) => void | Promise<void>; use?: UseBackend; progress?: RunProgressHooks } = {}): Promise<RunResult> {
  const { backend, reason, notes } = opts.use ? { ...opts.use, notes: [] } : await chooseBackend(model, { name: opts.backend, requestedBy: opts.backendFrom, device: opts.device, isolate: opts.isolate });
  // Before running: a warning about the backend must show even when the run then fails.
  await opts.onSelect?.({ backend: backend.name, reason, notes });
  const { session, partitioned } = await createRunSession(model, backend, { threads: opts.threads, profile: opts.profile, onNodeProgress: opts.progress?.node });
  try {
    opts.progress?.run();
    const start = performance.now();
    const outputs = await session.run(feeds);
    const runMs = performance.now() - start;
    for (const o of model.graph.outputs) {
      if (!outputs.has(o.name)) throw new HoduError('E_BACKEND', `backend '${backend.name}' did not produce output '${o.name}'`);
    }
    const profile = opts.profile ? session.profile?.() : undefined;
    return { backend: backend.name, outputs, runMs, profile, partitionTimes: profile && partitioned?.partitionTimes(), partitions: partitioned?.explain() };
  } finally {
    session.dispose?.();
  }
}
