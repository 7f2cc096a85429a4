/**
 * The flags of `hodu run --benchmark` checked and turned into a BenchmarkPlan: what the loop (benchmark.ts)
 * runs. Pure, so every refusal is unit-tested without starting a model.
 */
import { HoduError } from '../errors';

export const DEFAULT_WARMUP = 2;
export const DEFAULT_RUNS = 10;

/** Warm-up runs, then either a fixed count of measured runs or measured runs until a time budget is spent. */
export interface BenchmarkPlan {
  warmup: number;
  /** Measured runs; undefined with durationMs. */
  runs?: number;
  /** Keep measuring until this many milliseconds of measured runs have passed (at least one run). */
  durationMs?: number;
}

/** The flags as citty gives them (strings; undefined when absent). */
interface BenchmarkFlags {
  benchmark: boolean;
  warmup?: string;
  runs?: string;
  duration?: string;
  output?: string;
  outputDir?: string;
  profile?: boolean;
}

function usage(message: string, hint: string): HoduError {
  return new HoduError('E_USAGE', message, { hint });
}

/** `10s`, `500ms`, `2m`, or a bare number of seconds; must be > 0. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m)?\s*$/.exec(text);
  const hint = 'e.g. --duration 10s, --duration 500ms or --duration 2m (a bare number is seconds)';
  if (!m) throw usage(`--duration must be a time like 10s, got '${text}'`, hint);
  const value = Number(m[1]);
  const ms = value * ({ ms: 1, s: 1000, m: 60_000 } as const)[(m[2] ?? 's') as 'ms' | 's' | 'm'];
  if (!(ms > 0)) throw usage(`--duration must be more than 0, got '${text}'`, hint);
  return ms;
}

function count(flag: string, text: string, min: 0 | 1): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min) {
    const what = min === 0 ? 'a non-negative integer' : 'a positive integer';
    throw usage(`--${flag} must be ${what}, got '${text}'`, `e.g. --${flag} ${min === 0 ? 3 : 50}`);
  }
  return n;
}

/**
 * The benchmark plan of the flags, or undefined without --benchmark. Refuses the benchmark flags without
 * --benchmark (they would be silently ignored), --runs with --duration (two stopping rules), and
 * --output/--output-dir/--profile with --benchmark: a benchmark prints statistics, not outputs, and a
 * per-node profile would slow every measured run.
 */
export function benchmarkPlan(flags: BenchmarkFlags): BenchmarkPlan | undefined {
  if (!flags.benchmark) {
    const stray = (['warmup', 'runs', 'duration'] as const).find((f) => flags[f] !== undefined);
    if (stray) throw usage(`--${stray} only applies to --benchmark`, `add --benchmark to time the model: hodu run MODEL --benchmark --${stray} ${flags[stray]}`);
    return undefined;
  }
  if (flags.runs !== undefined && flags.duration !== undefined) {
    throw usage('--runs and --duration cannot be used together', 'give one: --runs N for a fixed count, or --duration 10s to run for that long');
  }
  for (const [flag, given] of [['output', flags.output], ['output-dir', flags.outputDir]] as const) {
    if (given) throw usage(`--${flag} cannot be used with --benchmark (a benchmark does not keep outputs)`, `run once without --benchmark to save the outputs: hodu run MODEL … --${flag} ${given}`);
  }
  if (flags.profile) throw usage('--profile cannot be used with --benchmark (timing every node would slow every measured run)', 'run the two separately: --profile for per-node times, --benchmark for latency');
  const warmup = flags.warmup === undefined ? DEFAULT_WARMUP : count('warmup', flags.warmup, 0);
  if (flags.duration !== undefined) return { warmup, durationMs: parseDuration(flags.duration) };
  return { warmup, runs: flags.runs === undefined ? DEFAULT_RUNS : count('runs', flags.runs, 1) };
}
