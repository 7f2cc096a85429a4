import { describe, expect, test } from 'bun:test';
import { latencyStats, percentile } from '../../src/runtime/benchmark-stats';

describe('percentile', () => {
  test('interpolates linearly between ranks (numpy default)', () => {
    // ranks 0..3 over [10, 20, 30, 40]: p50 → rank 1.5 → 25; p90 → rank 2.7 → 37; p99 → rank 2.97 → 39.7
    const s = [10, 20, 30, 40];
    expect(percentile(s, 50)).toBe(25);
    expect(percentile(s, 90)).toBeCloseTo(37, 10);
    expect(percentile(s, 99)).toBeCloseTo(39.7, 10);
    expect(percentile(s, 0)).toBe(10);
    expect(percentile(s, 100)).toBe(40);
  });

  test('an odd count has its middle value as median', () => {
    expect(percentile([1, 2, 9], 50)).toBe(2);
  });

  test('refuses no samples and out-of-range p', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });
});

describe('latencyStats', () => {
  test('hand-computed values, unsorted input', () => {
    // samples 4, 2, 8, 6: mean 5; squared deviations 1+9+9+1 = 20; sample variance 20/3; median (4+6)/2 = 5;
    // p90: rank 0.9×3 = 2.7 between 6 and 8 → 7.4; p99: rank 2.97 → 7.94; throughput 1000/5 = 200.
    const s = latencyStats([4, 2, 8, 6]);
    expect(s.runs).toBe(4);
    expect(s.mean_ms).toBe(5);
    expect(s.median_ms).toBe(5);
    expect(s.p90_ms).toBeCloseTo(7.4, 10);
    expect(s.p99_ms).toBeCloseTo(7.94, 10);
    expect(s.min_ms).toBe(2);
    expect(s.max_ms).toBe(8);
    expect(s.stddev_ms).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect(s.throughput_per_s).toBe(200);
  });

  test('one run: every statistic is that run, stddev 0', () => {
    const s = latencyStats([12.5]);
    expect([s.mean_ms, s.median_ms, s.p90_ms, s.p99_ms, s.min_ms, s.max_ms]).toEqual([12.5, 12.5, 12.5, 12.5, 12.5, 12.5]);
    expect(s.stddev_ms).toBe(0);
    expect(s.throughput_per_s).toBe(80);
  });

  test('runs measured as 0 ms report no throughput instead of Infinity', () => {
    expect(latencyStats([0, 0]).throughput_per_s).toBe(0);
  });

  test('does not reorder the caller array', () => {
    const xs = [3, 1, 2];
    latencyStats(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  test('refuses no runs', () => {
    expect(() => latencyStats([])).toThrow(RangeError);
  });
});
