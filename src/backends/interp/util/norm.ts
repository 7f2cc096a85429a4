/** Statistics shared by the normalization kernels (GroupNormalization, InstanceNormalization, LayerNormalization). */

interface RunStats {
  mean: number;
  /** 1 / sqrt(variance + epsilon), variance over the run (divided by its length, not length - 1). */
  inv: number;
}

/** Mean and inverse standard deviation of xv[off .. off + len), in two passes (mean first, then squared deviations). */
export function runStats(xv: ArrayLike<number>, off: number, len: number, eps: number): RunStats {
  let sum = 0;
  for (let i = off; i < off + len; i++) sum += xv[i]!;
  const mean = sum / len;
  let sq = 0;
  for (let i = off; i < off + len; i++) sq += (xv[i]! - mean) ** 2;
  return { mean, inv: 1 / Math.sqrt(sq / len + eps) };
}
