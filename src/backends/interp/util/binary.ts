import { allocData, isBigDType, type BigArray, type DType, type NumericArray } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { fromNumbers, reshapeTensor, sizeOf, Tensor, toNumbers } from '../../../ir/tensor';
import type { Kernel, KernelContext, Value } from '../kernel';
import { broadcastIndex, broadcastShape } from './broadcast';
import { directNumberStorage, numericInput } from './unary';

interface BinaryFns {
  /** The op on doubles. For bool outputs, any truthy result is true. */
  num: (a: number, b: number) => number;
  /** The exact op on int64/uint64 (used when both operands are 64-bit integers). */
  big?: (a: bigint, b: bigint) => bigint | boolean;
}

export function where(ctx: KernelContext): string {
  return ` in ${nodeLabel(ctx.node)}`;
}

/**
 * Reads inputs 0 and 1. Before opset 7 ops that declare a `broadcast` attribute used the legacy rule:
 * broadcast=0 needs equal shapes; broadcast=1 lines B up with A's dims starting at `axis`
 * (default: B's dims are A's trailing dims), e.g. A [2,3,4,5], B [3,4], axis=1 -> B seen as [1,3,4,1].
 */
export function binaryOperands(inputs: (Value | undefined)[], ctx: KernelContext): [Tensor, Tensor] {
  const a = numericInput(inputs, 0, ctx);
  let b = numericInput(inputs, 1, ctx);
  if (ctx.opset < 7 && ctx.schema?.attributes.broadcast !== undefined) {
    const same = a.rank === b.rank && a.dims.every((d, i) => d === b.dims[i]);
    if (ctx.attr<number>('broadcast') !== 1) {
      if (!same) {
        throw nodeError(ctx.node, 'E_SHAPE', `shapes [${a.dims}] and [${b.dims}] differ and broadcast=0 (opset ${ctx.opset})`,
          'before opset 7 broadcasting needs the attribute broadcast=1');
      }
    } else if (!same) {
      let axis = ctx.attr<number | undefined>('axis') ?? a.rank - b.rank;
      if (axis < 0) axis += a.rank;
      const fits = axis >= 0 && axis + b.rank <= a.rank && b.dims.every((d, i) => d === 1 || d === a.dims[axis + i]);
      if (!fits) {
        throw nodeError(ctx.node, 'E_SHAPE', `B [${b.dims}] does not fit A [${a.dims}] at axis ${axis}`,
          'legacy broadcast (opset < 7) needs B to match a contiguous run of A\'s dims');
      }
      const dims = [...new Array<number>(axis).fill(1), ...b.dims, ...new Array<number>(a.rank - axis - b.rank).fill(1)];
      b = reshapeTensor(b, dims);
    }
  }
  return [a, b];
}

/** Elementwise `fns` over numpy-broadcast a and b, stored as `outDtype`. */
export function mapBinary(a: Tensor, b: Tensor, outDtype: DType, fns: BinaryFns, at = ''): Tensor {
  const outDims = broadcastShape([a.dims, b.dims], at);
  const n = sizeOf(outDims);
  const ia = broadcastIndex(a.dims, outDims);
  const ib = broadcastIndex(b.dims, outDims);
  if (fns.big && isBigDType(a.dtype) && isBigDType(b.dtype) && (isBigDType(outDtype) || outDtype === 'bool')) {
    const x = a.data as BigArray;
    const y = b.data as BigArray;
    const big = fns.big;
    if (outDtype === 'bool') {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = big(x[ia ? ia[i]! : i]!, y[ib ? ib[i]! : i]!) ? 1 : 0;
      return new Tensor('bool', outDims, out);
    }
    const out = allocData(outDtype, n) as BigArray;
    for (let i = 0; i < n; i++) out[i] = big(x[ia ? ia[i]! : i]!, y[ib ? ib[i]! : i]!) as bigint;
    return new Tensor(outDtype, outDims, out);
  }
  const x = toNumbers(a);
  const y = toNumbers(b);
  const fn = fns.num;
  if (directNumberStorage(outDtype) && outDtype !== 'bool') {
    const out = allocData(outDtype, n) as NumericArray;
    const period = ia === null ? trailingPeriod(b.dims, outDims) : 0;
    if (ia === null && ib === null) for (let i = 0; i < n; i++) out[i] = fn(x[i]!, y[i]!);
    else if (period === 1) {
      const v = y[0]!;
      for (let i = 0; i < n; i++) out[i] = fn(x[i]!, v);
    } else if (period > 0) {
      // B repeats every `period` elements of the output (a bias over the last dims, or a scalar: period 1).
      for (let o = 0; o < n; o += period) for (let j = 0; j < period; j++) out[o + j] = fn(x[o + j]!, y[j]!);
    } else for (let i = 0; i < n; i++) out[i] = fn(x[ia ? ia[i]! : i]!, y[ib ? ib[i]! : i]!);
    return new Tensor(outDtype, outDims, out);
  }
  if (directNumberStorage(outDtype)) {
    const out = allocData(outDtype, n) as NumericArray;
    for (let i = 0; i < n; i++) out[i] = fn(x[ia ? ia[i]! : i]!, y[ib ? ib[i]! : i]!) ? 1 : 0;
    return new Tensor(outDtype, outDims, out);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = fn(x[ia ? ia[i]! : i]!, y[ib ? ib[i]! : i]!);
  return fromNumbers(outDtype, outDims, out);
}

/**
 * When B (broadcast to `outDims`) is its own data repeated — its dims, after dropping leading 1s, equal the
 * trailing dims of the output — the length of one repetition; otherwise 0.
 */
function trailingPeriod(bDims: readonly number[], outDims: readonly number[]): number {
  let k = 0;
  while (k < bDims.length && bDims[k] === 1) k++;
  const tail = bDims.slice(k);
  if (tail.length > outDims.length) return 0;
  const outTail = outDims.slice(outDims.length - tail.length);
  return tail.every((d, i) => d === outTail[i]) ? sizeOf(tail) : 0;
}

/** A kernel for a binary op: output has A's dtype, or bool when `bool` is set. */
export function binaryKernel(fns: BinaryFns, bool = false): Kernel {
  return (inputs, ctx) => {
    const [a, b] = binaryOperands(inputs, ctx);
    return [mapBinary(a, b, bool ? 'bool' : a.dtype, fns, where(ctx))];
  };
}

/** Folds a variadic op (Max, Min, Sum) pairwise over its inputs; the result has input 0's dtype. */
export function variadicKernel(fns: BinaryFns): Kernel {
  return (inputs, ctx) => {
    const ts = inputs.map((_, i) => numericInput(inputs, i, ctx));
    if (ts.length === 0) {
      throw nodeError(ctx.node, 'E_INPUT', 'needs at least one input', 'the model is malformed');
    }
    let acc = ts[0]!;
    for (let i = 1; i < ts.length; i++) acc = mapBinary(acc, ts[i]!, ts[0]!.dtype, fns, where(ctx));
    return [acc];
  };
}
