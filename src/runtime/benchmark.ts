/**
 * The loop of `hodu run --benchmark`: one session (the model is loaded, and planned for the feed shapes,
 * once), warm-up runs that are not measured, then measured runs until the count or the time budget of the
 * BenchmarkPlan is reached. Load, compile and run times are reported apart:
 * - load_ms: given by the caller (reading, decoding and optimizing the model file) plus creating the session;
 * - compile_ms: the session's `prepare(feeds)` (a native backend plans its DispatchManifest and creates the
 *   plugin's handle; sessions without `prepare`, such as the interp, have nothing to compile and report 0).
 *   An explicit hook rather than "first run minus a steady run": that difference mixes in cold caches and
 *   one run's noise, and can even come out negative;
 * - first_run_ms: the first run after that (warm-up or not), where whatever is still cold shows: caches, and
 *   partitions fed by other partitions, which can plan only once their inputs exist;
 * - the run statistics: each measured `session.run` alone, timed one by one (benchmark-stats.ts).
 */
import { HoduError } from '../errors';
import { chooseBackend } from '../backends/registry';
import { createRunSession } from './run-model';
import { nativeThreads } from '../util/physical-cores';
import type { RuntimeValue } from '../sdk/backend';
import { latencyStats, type LatencyStats } from './benchmark-stats';
import type { BenchmarkPlan } from './benchmark-options';
import type { PartitionReport } from './partition/report';
import type { PreparedModel } from './prepare';
import type { BackendChoice, UseBackend } from './run-model';

export interface BenchmarkProgress {
  phase: 'warmup' | 'measure';
  /** Runs finished in this phase. */
  done: number;
  /** Runs this phase will make; undefined when it stops on a time budget. */
  total?: number;
  /** Milliseconds since this phase started. */
  elapsedMs: number;
  /** Last measured run, in milliseconds (measure phase). */
  lastMs?: number;
}

export interface BenchmarkReport extends LatencyStats {
  warmup: number;
  threads: number;
  backend: string;
  load_ms: number;
  compile_ms: number;
  /** The first run after compile (the first warm-up run, else the first measured one). */
  first_run_ms: number;
  /** Why selection chose the backend (for --explain). */
  reason: string;
  /** Where the nodes ran, for a native backend run partitioned with the interp (for --explain). */
  partitions?: PartitionReport;
}

interface BenchmarkOptions {
  backend?: string;
  backendFrom?: string;
  device?: string;
  /** Threads asked for (0: the backend default). */
  threads?: number;
  isolate?: boolean;
  /** Time already spent loading the model before this call (read, decode, optimize), added to load_ms. */
  loadMs?: number;
  onSelect?: (choice: BackendChoice) => void | Promise<void>;
  onProgress?: (p: BenchmarkProgress) => void;
  /** Run on this backend instead of choosing one (a built model). */
  use?: UseBackend;
}

export async function benchmarkModel(model: PreparedModel, feeds: Map<string, RuntimeValue>, plan: BenchmarkPlan, opts: BenchmarkOptions = {}): Promise<BenchmarkReport> {
  const { backend, reason, notes } = opts.use ? { ...opts.use, notes: [] } : await chooseBackend(model, { name: opts.backend, requestedBy: opts.backendFrom, device: opts.device, isolate: opts.isolate });
  await opts.onSelect?.({ backend: backend.name, reason, notes });
  const loadStart = performance.now();
  const { session, partitioned } = await createRunSession(model, backend, { threads: opts.threads });
  const loadMs = (opts.loadMs ?? 0) + (performance.now() - loadStart);
  try {
    const compileStart = performance.now();
    await session.prepare?.(feeds);
    const compileMs = session.prepare ? performance.now() - compileStart : 0;

    // The first run after prepare, warm-up or not: what is still cold (caches, partitions fed by others that
    // plan on their first run) shows here and not in the statistics.
    let firstRunMs: number | undefined;
    const warmStart = performance.now();
    for (let i = 0; i < plan.warmup; i++) {
      const t0 = performance.now();
      const outputs = await session.run(feeds);
      firstRunMs ??= performance.now() - t0;
      // Checked once: a backend that skips an output would otherwise be timed doing less work.
      if (i === 0) checkOutputs(model, backend.name, outputs);
      opts.onProgress?.({ phase: 'warmup', done: i + 1, total: plan.warmup, elapsedMs: performance.now() - warmStart });
    }

    const samples: number[] = [];
    const measureStart = performance.now();
    const more = plan.durationMs !== undefined
      ? () => samples.length === 0 || performance.now() - measureStart < plan.durationMs!
      : () => samples.length < plan.runs!;
    while (more()) {
      const t0 = performance.now();
      const outputs = await session.run(feeds);
      const ms = performance.now() - t0;
      firstRunMs ??= ms;
      if (samples.length === 0 && plan.warmup === 0) checkOutputs(model, backend.name, outputs);
      samples.push(ms);
      opts.onProgress?.({ phase: 'measure', done: samples.length, total: plan.runs, elapsedMs: performance.now() - measureStart, lastMs: ms });
    }
    return {
      ...latencyStats(samples),
      warmup: plan.warmup,
      // What the backend used: a native one gets the count asked for, else the physical cores (nativeThreads);
      // the interp, one thread unless asked (0 is its default).
      threads: partitioned ? nativeThreads(opts.threads) : opts.threads || 1,
      backend: backend.name,
      load_ms: loadMs,
      compile_ms: compileMs,
      reason,
      partitions: partitioned?.explain(),
      first_run_ms: firstRunMs!,
    };
  } finally {
    session.dispose?.();
  }
}

function checkOutputs(model: PreparedModel, backend: string, outputs: Map<string, RuntimeValue>): void {
  for (const o of model.graph.outputs) {
    if (!outputs.has(o.name)) throw new HoduError('E_BACKEND', `backend '${backend}' did not produce output '${o.name}'`);
  }
}
