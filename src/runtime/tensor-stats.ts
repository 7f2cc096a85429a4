import { isBigDType } from '../ir/dtype';
import { bfloatToFloat, halfToFloat } from '../ir/float16';
import type { Tensor } from '../ir/tensor';

/**
 * Summary statistics of one tensor, as `hodu inspect FILE --stats` shows them. NaN and ±Inf are counted,
 * not folded in: min, max, mean and std are over the finite elements (numpy's would all be nan or inf as
 * soon as one such element is there, which hides the rest), and are null when there is none. std is the
 * population one (numpy's default ddof=0). Everything is computed in float64 in one pass: the mean from a
 * compensated (Neumaier) sum, which is exact where numpy's sum is (integers, large offsets), and the spread
 * from Welford's update, which does not cancel as a sum of squares would. bool counts as 0/1;
 * int64/uint64 are read as float64 (exact up to 2^53). Strings have no statistics (null).
 */
export interface TensorStats {
  /** Elements in the tensor. */
  count: number;
  nan: number;
  /** +Inf and -Inf together. */
  inf: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
}

export function tensorStats(t: Tensor): TensorStats | null {
  if (t.dtype === 'string') return null;
  const read = reader(t);
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let sum = 0;
  let carry = 0;
  let min = Infinity;
  let max = -Infinity;
  let nan = 0;
  let inf = 0;
  const size = t.size;
  for (let i = 0; i < size; i++) {
    const x = read(i);
    if (Number.isNaN(x)) {
      nan++;
      continue;
    }
    if (x === Infinity || x === -Infinity) {
      inf++;
      continue;
    }
    n++;
    const t = sum + x;
    carry += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const some = n > 0;
  return { count: t.size, nan, inf, min: some ? min : null, max: some ? max : null, mean: some ? (sum + carry) / n : null, std: some ? Math.sqrt(m2 / n) : null };
}

/** Element i as a float64. */
function reader(t: Tensor): (i: number) => number {
  const data = t.data;
  if (t.dtype === 'float16') return (i) => halfToFloat((data as Uint16Array)[i]!);
  if (t.dtype === 'bfloat16') return (i) => bfloatToFloat((data as Uint16Array)[i]!);
  if (isBigDType(t.dtype)) return (i) => Number((data as BigInt64Array | BigUint64Array)[i]!);
  return (i) => (data as ArrayLike<number>)[i]!;
}
