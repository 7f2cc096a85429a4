import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { benchmarkPlan, DEFAULT_RUNS, DEFAULT_WARMUP, parseDuration } from '../../src/runtime/benchmark-options';

function usageError(fn: () => unknown): HoduError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HoduError);
    expect((e as HoduError).code).toBe('E_USAGE');
    expect((e as HoduError).hint).toBeTruthy();
    return e as HoduError;
  }
  throw new Error('expected an E_USAGE error');
}

describe('parseDuration', () => {
  test('units and bare seconds', () => {
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1.5')).toBe(1500);
    expect(parseDuration('.5s')).toBe(500);
  });

  test('refuses zero, negatives, unknown units and words', () => {
    for (const bad of ['0', '0s', '-1s', '10h', 'ten', '', 's']) usageError(() => parseDuration(bad));
  });
});

describe('benchmarkPlan', () => {
  test('no --benchmark, no benchmark flags: no plan', () => {
    expect(benchmarkPlan({ benchmark: false })).toBeUndefined();
  });

  test('defaults', () => {
    expect(benchmarkPlan({ benchmark: true })).toEqual({ warmup: DEFAULT_WARMUP, runs: DEFAULT_RUNS });
  });

  test('--runs, --warmup 0, --duration', () => {
    expect(benchmarkPlan({ benchmark: true, runs: '25', warmup: '0' })).toEqual({ warmup: 0, runs: 25 });
    expect(benchmarkPlan({ benchmark: true, duration: '3s', warmup: '1' })).toEqual({ warmup: 1, durationMs: 3000 });
  });

  test('benchmark flags without --benchmark are refused, naming the flag', () => {
    expect(usageError(() => benchmarkPlan({ benchmark: false, warmup: '3' })).message).toContain('--warmup');
    expect(usageError(() => benchmarkPlan({ benchmark: false, runs: '3' })).message).toContain('--runs');
    expect(usageError(() => benchmarkPlan({ benchmark: false, duration: '1s' })).message).toContain('--duration');
  });

  test('--runs with --duration is refused', () => {
    expect(usageError(() => benchmarkPlan({ benchmark: true, runs: '3', duration: '1s' })).message).toContain('together');
  });

  test('non-positive and non-integer counts are refused', () => {
    for (const runs of ['0', '-2', '1.5', 'x', '']) usageError(() => benchmarkPlan({ benchmark: true, runs }));
    for (const warmup of ['-1', '0.5', 'x']) usageError(() => benchmarkPlan({ benchmark: true, warmup }));
  });

  test('outputs and --profile are refused with --benchmark', () => {
    expect(usageError(() => benchmarkPlan({ benchmark: true, output: 'o.npz' })).message).toContain('--output');
    expect(usageError(() => benchmarkPlan({ benchmark: true, outputDir: 'd' })).message).toContain('--output-dir');
    expect(usageError(() => benchmarkPlan({ benchmark: true, profile: true })).message).toContain('--profile');
  });
});
