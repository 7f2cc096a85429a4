/**
 * `hodu run --benchmark` through the binary: the JSON report's keys and the relations between them, the
 * stopping rules (--runs, --duration), the human report, and refusals of bad flag combinations. No timing
 * assertions beyond relations that hold on any machine.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { float32Tensor } from '../../src/ir/tensor';
import { hodu, requireBinary, tempDir, writeAddModel, writeNpyFile } from './hodu';

const tmp = tempDir('hodu-bench-e2e-');
const model = join(tmp.dir, 'add.onnx');

beforeAll(() => {
  requireBinary();
  writeAddModel(model);
  writeNpyFile(join(tmp.dir, 'a.npy'), float32Tensor([1, 2, 3, 4, 5, 6], [2, 3]));
});
afterAll(() => tmp.cleanup());

const KEYS = ['runs', 'warmup', 'threads', 'backend', 'mean_ms', 'median_ms', 'p90_ms', 'p99_ms', 'min_ms', 'max_ms', 'stddev_ms', 'throughput_per_s', 'load_ms', 'compile_ms'];

function benchJson(args: string[]): Record<string, number | string> {
  const r = hodu(['run', model, ...args, '--benchmark', '--json']);
  expect(r.stderr).not.toContain('error');
  expect(r.code).toBe(0);
  // Exactly one JSON object on stdout, nothing else.
  return JSON.parse(r.stdout) as Record<string, number | string>;
}

describe('hodu run --benchmark --json', () => {
  test('has every key, runs and warm-up as asked, statistics in order', () => {
    // On the interp (the embedded cpu backend is the default for this model): its compile time is exactly 0.
    const j = benchJson(['--random-inputs', '--runs', '7', '--warmup', '3', '--backend', 'interp']);
    for (const k of KEYS) expect(j).toHaveProperty(k);
    expect(j.runs).toBe(7);
    expect(j.warmup).toBe(3);
    expect(j.backend).toBe('interp');
    expect(j.threads).toBe(1);
    const n = (k: string) => j[k] as number;
    expect(n('min_ms')).toBeGreaterThanOrEqual(0);
    expect(n('min_ms')).toBeLessThanOrEqual(n('median_ms'));
    expect(n('median_ms')).toBeLessThanOrEqual(n('p90_ms'));
    expect(n('p90_ms')).toBeLessThanOrEqual(n('p99_ms'));
    expect(n('p99_ms')).toBeLessThanOrEqual(n('max_ms'));
    expect(n('mean_ms')).toBeGreaterThanOrEqual(n('min_ms'));
    expect(n('mean_ms')).toBeLessThanOrEqual(n('max_ms'));
    expect(n('stddev_ms')).toBeGreaterThanOrEqual(0);
    // Throughput is 1000 / mean of the unrounded mean; mean_ms is rounded to 0.1 µs (±0.00005 ms), so the
    // product may be off by 1000·0.00005/mean (large for a µs-scale model on the native backend), plus the
    // rounding of throughput itself.
    if (n('mean_ms') > 0) expect(Math.abs(n('throughput_per_s') * n('mean_ms') - 1000)).toBeLessThanOrEqual((1000 * 0.00005) / n('mean_ms') + 1);
    expect(n('load_ms')).toBeGreaterThan(0);
    expect(n('first_run_ms')).toBeGreaterThan(0);
    // The interp has no per-shape planning.
    expect(n('compile_ms')).toBe(0);
  });

  test('--input and --threads as for hodu run; a given input and a generated one', () => {
    const j = benchJson(['--input', `a=${join(tmp.dir, 'a.npy')}`, '--random-inputs', '--runs', '2', '--warmup', '0', '--threads', '2']);
    expect(j.runs).toBe(2);
    expect(j.warmup).toBe(0);
    expect(j.threads).toBe(2);
  });

  test('--duration stops after about that long, with at least one run', () => {
    const start = performance.now();
    const j = benchJson(['--random-inputs', '--duration', '300ms', '--warmup', '1']);
    const wall = performance.now() - start;
    expect(j.runs as number).toBeGreaterThanOrEqual(1);
    expect(wall).toBeGreaterThanOrEqual(300);
    // Generous: only that it stops, not how fast the machine is.
    expect(wall).toBeLessThan(60_000);
  });

  test('outputs are not printed', () => {
    const r = hodu(['run', model, '--random-inputs', '--benchmark', '--runs', '2', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).not.toHaveProperty('outputs');
  });
});

describe('hodu run --benchmark on the embedded cpu backend (the default)', () => {
  test('compile_ms is its planning; in-process, so no note', () => {
    const r = hodu(['run', model, '--random-inputs', '--benchmark', '--runs', '3', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, number | string>;
    expect(j.backend).toBe('cpu');
    expect(j.compile_ms as number).toBeGreaterThan(0);
    expect(r.stderr).not.toContain('note:');
  });

  test('--isolate is noted on stderr; --threads 2 reaches the isolated cpu backend (no note) and the JSON says 2', () => {
    const r = hodu(['run', model, '--random-inputs', '--benchmark', '--runs', '2', '--isolate', '--threads', '2', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("note: 'cpu' runs isolated (--isolate)");
    expect(r.stderr).not.toContain('threads');
    const j = JSON.parse(r.stdout);
    expect([j.backend, j.threads]).toEqual(['cpu', 2]);
  });
});

describe('hodu run --benchmark --explain', () => {
  test('--json: the explanation of a run under "explain", next to the statistics', () => {
    const j = benchJson(['--random-inputs', '--runs', '2', '--explain']) as Record<string, unknown>;
    const explain = j.explain as { backend: string; reason: string };
    expect(explain.backend).toBe(j.backend as string);
    expect(explain.reason.length).toBeGreaterThan(0);
    expect(j.runs).toBe(2);
  });

  test('text: the explanation on stderr, the report on stdout', () => {
    const r = hodu(['run', model, '--random-inputs', '--benchmark', '--runs', '2', '--explain', '--backend', 'interp']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('backend: interp — ');
    expect(r.stderr).toContain('the whole model runs on interp (not partitioned)');
    expect(r.stdout).toContain('on interp, 1 thread: 2 runs');
  });
});

describe('hodu run --benchmark, human report', () => {
  test('load, compile and latency lines on stdout; no tensor preview; no progress line off a terminal', () => {
    const r = hodu(['run', model, '--random-inputs', '--benchmark', '--runs', '3', '--backend', 'interp']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('on interp, 1 thread: 3 runs after 2 warm-up');
    for (const label of ['load', 'compile', 'first run', 'mean', 'median', 'p90', 'p99', 'min', 'max', 'throughput']) expect(r.stdout).toMatch(new RegExp(`^  ${label} `, 'm'));
    expect(r.stdout).not.toContain('float32[2,3]');
    expect(r.stderr).not.toContain('\r');
  });
});

describe('hodu run --benchmark, bad flags', () => {
  const cases: [string, string[], RegExp][] = [
    ['--runs with --duration', ['--benchmark', '--runs', '3', '--duration', '1s'], /--runs and --duration cannot be used together/],
    ['--runs 0', ['--benchmark', '--runs', '0'], /--runs must be a positive integer, got '0'/],
    ['--warmup -1', ['--benchmark', '--warmup=-1'], /--warmup must be a non-negative integer/],
    ['--duration 0s', ['--benchmark', '--duration', '0s'], /--duration must be more than 0/],
    ['--duration 5 hours', ['--benchmark', '--duration', '5h'], /--duration must be a time like 10s/],
    ['--warmup without --benchmark', ['--warmup', '2'], /--warmup only applies to --benchmark/],
    ['--duration without --benchmark', ['--duration', '1s'], /--duration only applies to --benchmark/],
    ['--output with --benchmark', ['--benchmark', '--output', join(tmp.dir, 'o.npz')], /--output cannot be used with --benchmark/],
    ['--profile with --benchmark', ['--benchmark', '--profile'], /--profile cannot be used with --benchmark/],
  ];
  for (const [name, args, message] of cases) {
    test(`${name}: E_USAGE with a hint, exit 2`, () => {
      const r = hodu(['run', model, '--random-inputs', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error\[E_USAGE\]: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('hint: ');
      expect(r.stdout).toBe('');
    });
  }

  test('--output with --benchmark writes nothing', () => {
    hodu(['run', model, '--random-inputs', '--benchmark', '--output', join(tmp.dir, 'never.npz')]);
    expect(Bun.file(join(tmp.dir, 'never.npz')).size).toBe(0);
  });
});
