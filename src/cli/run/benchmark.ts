/**
 * The CLI side of `hodu run --benchmark`: a progress line on a terminal while it runs (stderr; none when
 * stderr is not a terminal), then the report — one JSON object on stdout with --json, else a small table.
 * The loop is src/runtime/benchmark.ts, the statistics src/runtime/benchmark-stats.ts.
 */
import type { BenchmarkPlan } from '../../runtime/benchmark-options';
import { benchmarkModel, type BenchmarkProgress, type BenchmarkReport } from '../../runtime/benchmark';
import type { PreparedModel } from '../../runtime/prepare';
import type { BackendChoice, UseBackend } from '../../runtime/run-model';
import type { RuntimeValue } from '../../sdk/backend';
import { withBackendSource, type Settings } from '../../config/settings';
import { colors } from '../ui/colors';
import { benchmarkNotes, installedNativePlugin } from './benchmark-notes';
import { explanation, renderExplanation, type RunExplanation } from '../ui/partition-explain';
import { err, out, outJson, table } from '../ui/output';

/** Runs the benchmark with `hodu run`'s settings (execute.ts) and prints the report; `loadMs` is the model's load time so far. */
interface BenchmarkRunContext {
  /** The model's path as given (printed in the report). */
  path: string;
  json: boolean;
  /** --explain: the backend choice and partitions, as for a run (stderr, or "explain" in --json). */
  explain?: boolean;
  isolate?: boolean;
  settings: Settings;
  loadMs: number;
  /** --max-memory's guard, when a limit is set. */
  guard?: <T>(work: Promise<T>) => Promise<T>;
  onSelect: (choice: BackendChoice) => void | Promise<void>;
  /** A built model's own backend, used instead of selection. */
  use?: UseBackend;
}

export async function runBenchmark(model: PreparedModel, feeds: Map<string, RuntimeValue>, plan: BenchmarkPlan, ctx: BenchmarkRunContext): Promise<void> {
  const { backend, device, threads } = ctx.settings;
  const progress = benchmarkProgressLine(plan);
  const running = benchmarkModel(model, feeds, plan, {
    backend: backend.value,
    backendFrom: backend.from,
    device: device.value,
    threads: threads.value,
    isolate: ctx.isolate,
    loadMs: ctx.loadMs,
    onSelect: async (choice) => {
      await ctx.onSelect(choice);
      const facts = { backend: choice.backend, requested: backend.value, isolate: ctx.isolate, installedNative: await installedNativePlugin(choice.backend) };
      for (const note of benchmarkNotes(facts)) err(note);
    },
    onProgress: progress?.update,
    use: ctx.use,
  });
  let report: BenchmarkReport;
  try {
    report = await (ctx.guard ? ctx.guard(running) : running);
  } catch (e) {
    throw withBackendSource(e, backend);
  } finally {
    progress?.clear();
  }
  const explained = ctx.explain ? explanation(report.backend, report.reason, report.partitions) : undefined;
  if (explained && !ctx.json) for (const line of renderExplanation(explained)) err(line);
  await printBenchmark(ctx.path, report, ctx.json, explained);
}

/** Rounded to 0.1 µs: enough for any latency, and rounding keeps min ≤ median ≤ p90 ≤ p99 ≤ max. */
function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** A line rewritten in place at most every 100 ms on a terminal; undefined when stderr is not one. */
interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export function benchmarkProgressLine(plan: BenchmarkPlan, stderr: ProgressStream = process.stderr, now = () => performance.now()): { update(p: BenchmarkProgress): void; clear(): void } | undefined {
  if (!stderr.isTTY || !stderr.columns || process.env.TERM === 'dumb') return undefined;
  const columns = stderr.columns;
  let last = -Infinity; // the first update always shows
  let shown = false;
  return {
    update(p) {
      const t = now();
      if (t - last < 100 && p.done !== p.total) return;
      last = t;
      const of = p.total !== undefined ? `${p.done}/${p.total}` : `${p.done} runs, ${(p.elapsedMs / 1000).toFixed(1)}/${(plan.durationMs! / 1000).toFixed(1)} s`;
      const text = p.phase === 'warmup' ? `warming up ${of}` : `measuring ${of}${p.lastMs !== undefined ? `  last ${p.lastMs.toFixed(2)} ms` : ''}`;
      stderr.write(`\r\x1b[K${text.slice(0, columns - 1)}`);
      shown = true;
    },
    clear() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}

async function printBenchmark(model: string, r: BenchmarkReport, json: boolean, explained?: RunExplanation): Promise<void> {
  if (json) {
    outJson({
      model,
      backend: r.backend,
      threads: r.threads,
      warmup: r.warmup,
      runs: r.runs,
      mean_ms: round(r.mean_ms),
      median_ms: round(r.median_ms),
      p90_ms: round(r.p90_ms),
      p99_ms: round(r.p99_ms),
      min_ms: round(r.min_ms),
      max_ms: round(r.max_ms),
      stddev_ms: round(r.stddev_ms),
      throughput_per_s: round(r.throughput_per_s),
      load_ms: round(r.load_ms),
      compile_ms: round(r.compile_ms),
      first_run_ms: round(r.first_run_ms),
      ...(explained ? { explain: explained } : {}),
    });
    return;
  }
  const c = await colors();
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  out(`${c.bold(model)} on ${c.cyan(r.backend)}, ${r.threads} thread${r.threads === 1 ? '' : 's'}: ${r.runs} run${r.runs === 1 ? '' : 's'} after ${r.warmup} warm-up`);
  out(table([
    ['load', ms(r.load_ms), c.dim('read, optimize, create the session')],
    ['compile', ms(r.compile_ms), c.dim('plan for these input shapes (0: nothing to plan)')],
    ['first run', ms(r.first_run_ms), c.dim('the first run after compile, not in the statistics below')],
    ['mean', `${ms(r.mean_ms)} ± ${r.stddev_ms.toFixed(3)}`],
    ['median', ms(r.median_ms)],
    ['p90', ms(r.p90_ms)],
    ['p99', ms(r.p99_ms)],
    ['min', ms(r.min_ms)],
    ['max', ms(r.max_ms)],
    ['throughput', `${r.throughput_per_s.toFixed(2)} runs/s`, c.dim('one after another')],
  ]));
}
