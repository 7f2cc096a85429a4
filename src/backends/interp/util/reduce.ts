import { normalizeAxis } from '../../../ir/axis';
import { allocData, isBigDType, type BigArray, type DType } from '../../../ir/dtype';
import { fromNumbers, sizeOf, Tensor, toIntList, toNumbers } from '../../../ir/tensor';
import { softmaxLayout } from '../../../ops/_reduce';
import { optionalInput, type Kernel, type KernelContext, type Value } from '../kernel';
import { broadcastIndex } from './broadcast';
import { numericInput } from './unary';

interface ReducePlan {
  x: Tensor;
  /** Output dims as returned (keepdims applied). */
  outDims: number[];
  outSize: number;
  /** For each input element, its output element; null when the mapping is the identity. */
  outIndex: Int32Array | null;
}

/**
 * Reads data, axes (attribute or input, whichever the node has) and keepdims into a plan.
 * Empty axes reduce everything, unless noop_with_empty_axes=1: then nothing is reduced and each element
 * is its own group (so ReduceSumSquare returns x^2, as the ONNX reference does).
 */
export function planReduce(inputs: (Value | undefined)[], ctx: KernelContext): ReducePlan {
  const x = numericInput(inputs, 0, ctx);
  const axesInput = optionalInput(inputs, 1);
  const given = axesInput ? toIntList(axesInput) : ctx.attr<number[] | undefined>('axes') ?? [];
  const rank = x.rank;
  let axes: number[];
  if (given.length === 0) axes = ctx.attr<number>('noop_with_empty_axes') ? [] : [...Array(rank).keys()];
  else {
    axes = given.map((a) => normalizeAxis(a, rank, ctx.node));
  }
  const keepDims = x.dims.map((d, i) => (axes.includes(i) ? 1 : d));
  const outDims = ctx.attr<number>('keepdims') !== 0 ? keepDims : x.dims.filter((_, i) => !axes.includes(i));
  return { x, outDims, outSize: sizeOf(keepDims), outIndex: broadcastIndex(keepDims, x.dims) };
}

/** acc[out] = step(acc[out], v) over every input element, in doubles. */
export function accumulate(plan: ReducePlan, init: number, step: (acc: number, v: number) => number, values = toNumbers(plan.x)): Float64Array {
  const acc = new Float64Array(plan.outSize).fill(init);
  const idx = plan.outIndex;
  for (let i = 0; i < values.length; i++) {
    const o = idx ? idx[i]! : i;
    acc[o] = step(acc[o]!, values[i]!);
  }
  return acc;
}

/** The same over int64/uint64 storage, exactly. */
export function accumulateBig(plan: ReducePlan, init: bigint, step: (acc: bigint, v: bigint) => bigint): Tensor {
  const acc = allocData(plan.x.dtype, plan.outSize) as BigArray;
  acc.fill(init);
  const src = plan.x.data as BigArray;
  const idx = plan.outIndex;
  for (let i = 0; i < src.length; i++) {
    const o = idx ? idx[i]! : i;
    acc[o] = step(acc[o]!, src[i]!);
  }
  return new Tensor(plan.x.dtype, plan.outDims, acc);
}

export function isBigReduce(plan: ReducePlan): boolean {
  return isBigDType(plan.x.dtype);
}

const INT_RANGE: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
  uint8: [0, 255], uint16: [0, 65535], uint32: [0, 4294967295], bool: [0, 1],
};

/** Stores doubles as the input dtype; ±inf (an empty max/min) becomes the integer dtype's min/max. */
export function finishReduce(plan: ReducePlan, acc: Float64Array): Tensor {
  const range = INT_RANGE[plan.x.dtype];
  if (range) for (let i = 0; i < acc.length; i++) if (!Number.isFinite(acc[i]!) && !Number.isNaN(acc[i]!)) acc[i] = acc[i]! < 0 ? range[0] : range[1];
  return fromNumbers(plan.x.dtype, plan.outDims, acc);
}

/** Elements folded into each output (1 for an empty reduction over nothing, 0 for a zero-size axis). */
export function groupSize(plan: ReducePlan): number {
  return plan.outSize === 0 ? 0 : plan.x.size / plan.outSize;
}

/** A tensor seen as [outer, axisLen, inner] around one axis (or, before opset 13, around a flattening point). */
interface AxisView {
  outer: number;
  axisLen: number;
  inner: number;
}

/** Softmax-family layout of `x` (src/ops/_reduce.ts: softmaxLayout, shared with the manifest metadata). */
function softmaxView(x: Tensor, ctx: KernelContext): AxisView {
  return softmaxLayout(x.dims, ctx.opset, ctx.attr<number | undefined>('axis'), ctx.node);
}

/** One [n] slice of a Softmax-family input `x` and its output `y`: element k is at base + k * stride. */
type AxisSliceFill = (x: ArrayLike<number>, y: Float64Array, base: number, stride: number, n: number) => void;

/**
 * A Softmax-family kernel (Softmax, LogSoftmax, Hardmax): lays the input out with softmaxView, computes in
 * doubles and lets `fill` write each axis slice of the output; the output keeps the input's dtype and dims.
 */
export function softmaxFamilyKernel(fill: AxisSliceFill): Kernel {
  return (inputs, ctx) => {
    const input = numericInput(inputs, 0, ctx);
    const v = softmaxView(input, ctx);
    const x = toNumbers(input);
    const y = new Float64Array(x.length);
    for (let o = 0; o < v.outer; o++) {
      for (let i = 0; i < v.inner; i++) fill(x, y, o * v.axisLen * v.inner + i, v.inner, v.axisLen);
    }
    return [fromNumbers(input.dtype, input.dims, y)];
  };
}

/** The largest of the n elements at base + k * stride (-Infinity when n = 0; NaN when any is NaN). */
export function sliceMax(x: ArrayLike<number>, base: number, stride: number, n: number): number {
  let m = -Infinity;
  for (let k = 0; k < n; k++) m = Math.max(m, x[base + k * stride]!);
  return m;
}
