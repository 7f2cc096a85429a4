/**
 * Compares one tensor with its reference, numpy's allclose rule per element:
 *
 *   |got − expected| ≤ atol + rtol·|expected|
 *
 * with NaN equal to NaN and ±Inf equal only to the same Inf (numpy's equal_nan=True). Integer, bool and
 * string tensors compare exactly (int64 as bigints, so values above 2^53 are not rounded together).
 * A dtype or shape difference is a mismatch of the whole tensor: the values are not compared.
 */
import { isFloatDType } from '../../ir/dtype';
import { stridesOf, toNumbers, type Tensor } from '../../ir/tensor';

export interface Tolerance {
  rtol: number;
  atol: number;
}

/** numpy.testing's defaults are tighter; these suit float32 models run by different kernels. */
export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-3, atol: 1e-4 };

export interface FirstMismatch {
  /** Row-major multi-index of the first differing element. */
  index: number[];
  expected: number | string;
  got: number | string;
}

export interface TensorComparison {
  ok: boolean;
  dtypeOk: boolean;
  shapeOk: boolean;
  expectedDtype: string;
  gotDtype: string;
  expectedShape: readonly number[];
  gotShape: readonly number[];
  /** Largest |got − expected| over finite pairs (0 when none, or when dtype/shape differ). */
  maxAbsDiff: number;
  /** Largest |got − expected| / |expected| over finite pairs with expected ≠ 0. */
  maxRelDiff: number;
  mismatched: number;
  total: number;
  first?: FirstMismatch;
}

export function compareTensors(expected: Tensor, got: Tensor, tol: Tolerance = DEFAULT_TOLERANCE): TensorComparison {
  const dtypeOk = expected.dtype === got.dtype;
  const shapeOk = expected.dims.length === got.dims.length && expected.dims.every((d, i) => d === got.dims[i]);
  const base = { dtypeOk, shapeOk, expectedDtype: expected.dtype, gotDtype: got.dtype, expectedShape: expected.dims, gotShape: got.dims, total: expected.size };
  if (!dtypeOk || !shapeOk) return { ...base, ok: false, maxAbsDiff: 0, maxRelDiff: 0, mismatched: expected.size };
  const values = expected.dtype === 'string' || expected.dtype === 'int64' || expected.dtype === 'uint64' ? compareExact(expected, got) : compareNumbers(expected, got, isFloatDType(expected.dtype) ? tol : { rtol: 0, atol: 0 });
  return { ...base, ...values, ok: values.mismatched === 0 };
}

interface ValueDiff {
  maxAbsDiff: number;
  maxRelDiff: number;
  mismatched: number;
  first?: FirstMismatch;
}

function compareNumbers(expected: Tensor, got: Tensor, tol: Tolerance): ValueDiff {
  const e = toNumbers(expected);
  const g = toNumbers(got);
  let maxAbsDiff = 0;
  let maxRelDiff = 0;
  let mismatched = 0;
  let firstAt = -1;
  for (let i = 0; i < e.length; i++) {
    const a = e[i]!;
    const b = g[i]!;
    if (a === b || (a !== a && b !== b)) continue; // equal (same Inf included), or both NaN
    if (Number.isFinite(a) && Number.isFinite(b)) {
      const diff = Math.abs(b - a);
      if (diff > maxAbsDiff) maxAbsDiff = diff;
      if (a !== 0 && diff / Math.abs(a) > maxRelDiff) maxRelDiff = diff / Math.abs(a);
      if (diff <= tol.atol + tol.rtol * Math.abs(a)) continue;
    }
    mismatched++;
    if (firstAt < 0) firstAt = i;
  }
  return { maxAbsDiff, maxRelDiff, mismatched, first: firstAt < 0 ? undefined : { index: multiIndex(firstAt, expected.dims), expected: e[firstAt]!, got: g[firstAt]! } };
}

/** int64/uint64 as bigints, strings as strings: equal or not; the diffs are over the values as numbers. */
function compareExact(expected: Tensor, got: Tensor): ValueDiff {
  const e = expected.data as ArrayLike<bigint | string>;
  const g = got.data as ArrayLike<bigint | string>;
  const numeric = expected.dtype !== 'string';
  let maxAbsDiff = 0;
  let maxRelDiff = 0;
  let mismatched = 0;
  let firstAt = -1;
  for (let i = 0; i < e.length; i++) {
    if (e[i] === g[i]) continue;
    mismatched++;
    if (firstAt < 0) firstAt = i;
    if (numeric) {
      const a = Number(e[i]);
      const diff = Math.abs(Number(g[i]) - a);
      if (diff > maxAbsDiff) maxAbsDiff = diff;
      if (a !== 0 && diff / Math.abs(a) > maxRelDiff) maxRelDiff = diff / Math.abs(a);
    }
  }
  // A bigint beyond 2^53 is shown as its digits: a rounded number could read as equal to its neighbour.
  const show = (v: bigint | string) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : String(v)) : v);
  return { maxAbsDiff, maxRelDiff, mismatched, first: firstAt < 0 ? undefined : { index: multiIndex(firstAt, expected.dims), expected: show(e[firstAt]!), got: show(g[firstAt]!) } };
}

/** The row-major multi-index of flat element `flat` in `dims` ([] for a scalar). */
export function multiIndex(flat: number, dims: readonly number[]): number[] {
  return stridesOf(dims).map((s, i) => Math.floor(flat / s) % dims[i]!);
}
