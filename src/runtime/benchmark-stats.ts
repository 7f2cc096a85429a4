/**
 * Latency statistics of a benchmark (`hodu run --benchmark`): pure functions over the measured run times,
 * kept apart from the loop (benchmark.ts) so they are tested against hand-computed values.
 */

export interface LatencyStats {
  /** Measured runs (warm-up runs excluded). */
  runs: number;
  mean_ms: number;
  median_ms: number;
  p90_ms: number;
  p99_ms: number;
  min_ms: number;
  max_ms: number;
  /** Sample standard deviation (n − 1 in the denominator); 0 for a single run. */
  stddev_ms: number;
  /** Runs per second one after another: 1000 / mean_ms. */
  throughput_per_s: number;
}

/**
 * The p-th percentile (0..100) of ascending `sorted`, interpolated linearly between the two nearest ranks
 * (rank p/100 × (n − 1), numpy's default), so the median of an even count is the mean of the middle two.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0..100`);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** Statistics of run times in milliseconds (at least one). */
export function latencyStats(samplesMs: readonly number[]): LatencyStats {
  const n = samplesMs.length;
  if (n === 0) throw new RangeError('latency statistics need at least one run');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  return {
    runs: n,
    mean_ms: mean,
    median_ms: percentile(sorted, 50),
    p90_ms: percentile(sorted, 90),
    p99_ms: percentile(sorted, 99),
    min_ms: sorted[0]!,
    max_ms: sorted[n - 1]!,
    stddev_ms: Math.sqrt(variance),
    // A run faster than the timer's resolution would divide by 0: report no throughput rather than Infinity.
    throughput_per_s: mean > 0 ? 1000 / mean : 0,
  };
}
