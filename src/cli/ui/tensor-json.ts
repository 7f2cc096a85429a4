import { type TensorData } from '../../ir/dtype';
import { Tensor, toNumbers } from '../../ir/tensor';

/** Outputs up to this many elements are printed whole by `run --json`; larger ones as a summary. */
const JSON_DATA_LIMIT = 100_000;
/** How many leading values a summary carries. */
const JSON_HEAD = 20;

/**
 * One output for `run --json`: every value when small; otherwise a summary a script can still check
 * (size, statistics over every element, the first values) instead of a bare `"truncated": true`.
 */
export function tensorJson(name: string, t: Tensor): Record<string, unknown> {
  const base = { name, dtype: t.dtype, shape: t.dims };
  if (t.size <= JSON_DATA_LIMIT) return { ...base, data: jsonValues(t, t.size) };
  return { ...base, truncated: true, size: t.size, ...(tensorStats(t) ?? {}), head: jsonValues(t, JSON_HEAD) };
}

/** min, max and mean over the non-NaN values, and how many are NaN (numbers and bools; none for strings). */
function tensorStats(t: Tensor): { min: number | null; max: number | null; mean: number | null; nanCount: number } | undefined {
  if (t.dtype === 'string') return undefined;
  const v = toNumbers(t) as ArrayLike<number>;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let nan = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) {
      nan++;
      continue;
    }
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
  }
  const n = v.length - nan;
  // JSON has no Infinity: a non-finite statistic is written as a string, like data values below.
  const num = (x: number) => (n === 0 ? null : Number.isFinite(x) ? x : (String(x) as unknown as number));
  return { min: num(min), max: num(max), mean: num(sum / n), nanCount: nan };
}

/** The first `limit` values as JSON: int64 as numbers when safe, bools as booleans, non-finite floats as strings. */
function jsonValues(t: Tensor, limit: number): unknown[] {
  const n = Math.min(limit, t.size);
  if (t.dtype === 'int64' || t.dtype === 'uint64') {
    return Array.from((t.data as BigInt64Array).subarray(0, n), (v) => (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()));
  }
  if (t.dtype === 'bool') return Array.from((t.data as Uint8Array).subarray(0, n), (v) => v !== 0);
  if (t.dtype === 'string') return (t.data as string[]).slice(0, n);
  const head = new Tensor(t.dtype, [n], (t.data as Uint8Array).subarray(0, n) as TensorData);
  return Array.from(toNumbers(head) as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : String(v)));
}
