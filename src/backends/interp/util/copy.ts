import type { DType, TensorData } from '../../../ir/dtype';
import { allocData } from '../../../ir/dtype';
import { bfloatToFloat, floatToBfloat, floatToHalf, halfToFloat } from '../../../ir/float16';
import { nodeError } from '../../../ir/node-error';
import { stridesOf, Tensor } from '../../../ir/tensor';
import { indexFromAxisTables } from './indexing';

/**
 * Data-movement ops copy storage elements as they are (no toNumbers round trip), so they work the same for
 * every dtype: typed arrays, BigInt64Array and string[] all index the same way.
 */
type Store = { [i: number]: number | bigint | string; readonly length: number };

export function storeOf(data: TensorData): Store {
  return data as unknown as Store;
}

/** Copies `n` elements from `src[srcOff..]` to `dst[dstOff..]` (same dtype storage). */
export function copyRange(src: TensorData, srcOff: number, dst: TensorData, dstOff: number, n: number): void {
  if (n <= 0) return;
  if (Array.isArray(src)) {
    const d = dst as string[];
    for (let i = 0; i < n; i++) d[dstOff + i] = src[srcOff + i]!;
    return;
  }
  // Same constructor on both sides (same dtype), so a typed-array set is a plain memcpy.
  (dst as Uint8Array).set((src as Uint8Array).subarray(srcOff, srcOff + n), dstOff);
}

/** The element 0 of a tensor's storage (a scalar fill value, e.g. Pad's constant_value). */
export function firstElement(t: Tensor): number | bigint | string | undefined {
  return t.data.length > 0 ? storeOf(t.data)[0] : undefined;
}

/**
 * Builds a tensor of `outDims` whose element k is `src` element `index[k]`, or `fill` where `index[k]` is -1
 * (fill undefined: the dtype's zero). The one primitive behind Transpose, Slice, Expand, Tile and Pad.
 */
export function takeByIndex(src: Tensor, outDims: readonly number[], index: Int32Array, fill?: number | bigint | string): Tensor {
  const out = allocData(src.dtype, index.length);
  const o = storeOf(out);
  const s = storeOf(src.data);
  for (let k = 0; k < index.length; k++) {
    const j = index[k]!;
    if (j >= 0) o[k] = s[j]!;
    else if (fill !== undefined) o[k] = fill;
  }
  return new Tensor(src.dtype, outDims, out);
}

/** A tensor filled with one storage value. */
export function filledTensor(like: Tensor | string, dims: readonly number[], value: number | bigint | string | undefined): Tensor {
  const dtype = typeof like === 'string' ? (like as Tensor['dtype']) : like.dtype;
  let n = 1;
  for (const d of dims) n *= d;
  const out = allocData(dtype, n);
  if (value !== undefined) {
    const o = storeOf(out);
    for (let i = 0; i < n; i++) o[i] = value;
  }
  return new Tensor(dtype, dims, out);
}

/** Concatenates tensors of one dtype along `axis` (shapes already validated by the caller). */
export function concatTensors(parts: readonly Tensor[], axis: number, outDims: readonly number[]): Tensor {
  const dtype = parts[0]!.dtype;
  let total = 1;
  for (const d of outDims) total *= d;
  const out = allocData(dtype, total);
  let outer = 1;
  for (let a = 0; a < axis; a++) outer *= outDims[a]!;
  let innerOut = 1;
  for (let a = axis; a < outDims.length; a++) innerOut *= outDims[a]!;
  let colOff = 0;
  for (const p of parts) {
    const block = outer === 0 ? 0 : p.size / outer;
    for (let o = 0; o < outer; o++) copyRange(p.data, o * block, out, o * innerOut + colOff, block);
    colOff += block;
  }
  return new Tensor(dtype, outDims, out);
}

/** Copies the slab [begin, begin+len) along `axis` into a new tensor. */
export function sliceAxis(t: Tensor, axis: number, begin: number, len: number): Tensor {
  const dims = t.dims.slice();
  const axisDim = dims[axis]!;
  dims[axis] = len;
  let outer = 1;
  for (let a = 0; a < axis; a++) outer *= t.dims[a]!;
  let inner = 1;
  for (let a = axis + 1; a < t.rank; a++) inner *= t.dims[a]!;
  const out = allocData(t.dtype, outer * len * inner);
  for (let o = 0; o < outer; o++) copyRange(t.data, (o * axisDim + begin) * inner, out, o * len * inner, len * inner);
  return new Tensor(t.dtype, dims, out);
}

type Scalar = number | bigint | string;

/**
 * The storage-level combine for Scatter*'s `reduction` (none, add, mul, max, min): takes and returns
 * storage values, so float16/bfloat16 bits are decoded and re-rounded, int64 stays exact as bigint.
 */
export function reductionFor(dtype: DType, reduction: string): ((cur: Scalar, upd: Scalar) => Scalar) | undefined {
  if (reduction === 'none') return (_cur, upd) => upd;
  const num = NUMBER_OPS[reduction];
  if (!num) return undefined;
  if (dtype === 'string') return undefined;
  if (dtype === 'int64' || dtype === 'uint64') {
    const big = BIGINT_OPS[reduction]!;
    const wrap = dtype === 'int64' ? (v: bigint) => BigInt.asIntN(64, v) : (v: bigint) => BigInt.asUintN(64, v);
    return (a, b) => wrap(big(a as bigint, b as bigint));
  }
  if (dtype === 'float16') return (a, b) => floatToHalf(num(halfToFloat(a as number), halfToFloat(b as number)));
  if (dtype === 'bfloat16') return (a, b) => floatToBfloat(num(bfloatToFloat(a as number), bfloatToFloat(b as number)));
  if (dtype === 'bool') return (a, b) => (num(a as number, b as number) ? 1 : 0);
  if (dtype === 'float32') return (a, b) => Math.fround(num(a as number, b as number));
  return (a, b) => num(a as number, b as number); // integer storage wraps on assignment
}

const NUMBER_OPS: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  mul: (a, b) => a * b,
  max: (a, b) => (a >= b || Number.isNaN(a) ? a : b),
  min: (a, b) => (a <= b || Number.isNaN(a) ? a : b),
};
const BIGINT_OPS: Record<string, (a: bigint, b: bigint) => bigint> = {
  add: (a, b) => a + b,
  mul: (a, b) => a * b,
  max: (a, b) => (a >= b ? a : b),
  min: (a, b) => (a <= b ? a : b),
};

/** A copy of a tensor with fresh storage (for ops that write into their output, like Scatter). */
export function cloneTensor(t: Tensor): Tensor {
  const out = allocData(t.dtype, t.size);
  copyRange(t.data, 0, out, 0, t.size);
  return new Tensor(t.dtype, t.dims, out);
}

/**
 * Views `x` as `viewDims` (same element count), permutes the view's axes by `perm`, and returns the result
 * with `outDims` (DepthToSpace / SpaceToDepth are reshape → transpose → reshape).
 */
export function permuteView(x: Tensor, viewDims: readonly number[], perm: readonly number[], outDims: readonly number[]): Tensor {
  const strides = stridesOf(viewDims);
  const permDims = perm.map((a) => viewDims[a]!);
  const tables = perm.map((a, i) => Int32Array.from({ length: permDims[i]! }, (_, k) => k * strides[a]!));
  return takeByIndex(x, outDims, indexFromAxisTables(permDims, tables));
}

/** Narrows a kernel input to a sequence (Tensor[]), with an error naming the node. */
export function sequenceInput(inputs: readonly (Tensor | Tensor[] | null | undefined)[], i: number, ctx: { node: { op: string; name: string } }): Tensor[] {
  const v = inputs[i];
  if (!Array.isArray(v)) {
    throw nodeError(ctx.node, 'E_INPUT', `input ${i} must be a sequence, got ${v ? `a ${v.dtype} tensor` : 'nothing'}`, 'sequence inputs come from Sequence* / SplitToSequence nodes');
  }
  return v;
}
