/**
 * Shared pieces of the quantization ops (QuantizeLinear, DequantizeLinear, DynamicQuantizeLinear, QLinearMatMul,
 * QLinearConv, ConvInteger, MatMulInteger): round-half-to-even + saturation into an integer type, the
 * per-tensor / per-axis / blocked parameter layout, and an integer convolution over zero-point-centred values.
 */
import { normalizeAxis } from '../../../ir/axis';
import type { DType } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { sizeOf, type Tensor, toNumbers } from '../../../ir/tensor';
import { outDims, readWindowAttrs, resolveWindow } from '../../../ops/_window-geometry';
import type { KernelContext } from '../kernel';
import { broadcastIndex, broadcastShape } from './broadcast';
import { checkConvRanks } from './conv-operands';
import { im2col } from './conv';
import { gemm } from './gemm';
import { matmulLayout, runMatMul } from './matmul-layout';

const RANGES: Partial<Record<DType, [number, number]>> = {
  uint8: [0, 255], int8: [-128, 127], uint16: [0, 65535], int16: [-32768, 32767],
};

/** [min, max] of an integer dtype the quantization ops may produce. */
export function intRange(dtype: DType, ctx: KernelContext): [number, number] {
  const r = RANGES[dtype];
  if (!r) {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_DTYPE', `cannot quantize to ${dtype}`,
      'hodu quantizes to uint8, int8, uint16 and int16 (float8/int4 types are not supported)');
  }
  return r;
}

/** Round half to even (numpy.rint / std::nearbyint in the default rounding mode). */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  // Math.round rounds .5 toward +inf; step back when that lands on an odd integer.
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Clamps an already rounded value to [lo, hi]; NaN (e.g. 0/0) maps to 0 clamped into the range. */
export function saturate(v: number, lo: number, hi: number): number {
  if (Number.isNaN(v)) return Math.min(Math.max(0, lo), hi);
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Which parameter (scale / zero point) element applies to each element of X: per tensor (a scalar or [1]),
 * per axis (1-D of dims[axis]) or blocked along axis (opset 21: same rank as X, dims[axis] = ceil(len/block)).
 */
function paramIndex(x: Tensor, param: Tensor, axisAttr: number, blockSize: number, ctx: KernelContext): (flat: number) => number {
  if (param.size === 1 && (param.rank === 0 || blockSize === 0)) return () => 0;
  const rank = x.rank;
  const axis = normalizeAxis(axisAttr, rank, ctx.node);
  const len = x.dims[axis]!;
  const inner = sizeOf(x.dims.slice(axis + 1));
  if (blockSize > 0) {
    const blocks = Math.ceil(len / blockSize);
    const expect = x.dims.map((d, i) => (i === axis ? blocks : d));
    if (param.dims.join(',') !== expect.join(',')) {
      throw nodeError(ctx.node, 'E_SHAPE', `blocked scale must be [${expect}] for block_size ${blockSize}, got [${param.dims}]`);
    }
    return (flat) => {
      const i = flat % inner;
      const rest = (flat - i) / inner;
      const a = rest % len;
      const o = (rest - a) / len;
      return (o * blocks + Math.floor(a / blockSize)) * inner + i;
    };
  }
  if (param.rank !== 1 || param.dims[0] !== len) {
    throw nodeError(ctx.node, 'E_SHAPE', `per-axis scale/zero point must be [${len}] (axis ${axis} of [${x.dims}]), got [${param.dims}]`);
  }
  return (flat) => Math.floor(flat / inner) % len;
}

/**
 * QuantizeLinear / DequantizeLinear parameter layout for the node's opset (per tensor before 13, `axis` from 13,
 * `block_size` from 21): where each element of x finds its scale and its zero point (which may be a scalar).
 * `io` is 'x' or 'y', the prefix of the parameter names in errors.
 */
export function linearQuantIndex(x: Tensor, scale: Tensor, zp: Tensor | undefined, io: 'x' | 'y', ctx: KernelContext): { at: (flat: number) => number; zpAt: (flat: number) => number } {
  const axis = ctx.opset >= 13 ? ctx.attr<number>('axis') : 1;
  const block = ctx.opset >= 21 ? ctx.attr<number>('block_size') : 0;
  if (ctx.opset < 13 && scale.size !== 1) {
    throw nodeError(ctx.node, 'E_SHAPE', `${io}_scale must be a scalar before opset 13, got [${scale.dims}]`);
  }
  const at = paramIndex(x, scale, axis, block, ctx);
  if (zp && zp.dims.join(',') !== scale.dims.join(',') && zp.size !== 1) {
    throw nodeError(ctx.node, 'E_SHAPE', `${io}_zero_point [${zp.dims}] must match ${io}_scale [${scale.dims}]`);
  }
  return { at, zpAt: zp && zp.size !== 1 ? at : () => 0 };
}

/** A scale or zero point read as numbers; a missing zero point reads as 0. */
export function paramValues(t: Tensor | undefined): ArrayLike<number> {
  return t ? toNumbers(t) : [0];
}

/**
 * Conv over already-centred X [N, C, ...] and W [M, C/group, ...] (so padding with 0 is padding with the zero
 * point), with Conv's attributes (auto_pad, pads, strides, dilations, group). Returns sums in doubles (exact).
 */
export function integerConv(xv: Float64Array, xDims: readonly number[], wv: Float64Array, wDims: readonly number[], ctx: KernelContext): { y: Float64Array; dims: number[] } {
  const group = ctx.attr<number>('group');
  checkConvRanks(xDims, wDims, ctx.node);
  const [batch, channels] = [xDims[0]!, xDims[1]!];
  const m = wDims[0]!;
  const kernel = wDims.slice(2);
  if (group < 1 || channels % group !== 0 || m % group !== 0 || wDims[1]! * group !== channels) {
    throw nodeError(ctx.node, 'E_SHAPE', `group ${group} does not fit X channels ${channels}, W [${wDims}]`);
  }
  const spatial = xDims.slice(2);
  const win = resolveWindow(spatial, readWindowAttrs(ctx.attr, kernel), ctx.node);
  const outSp = outDims(win);
  const geom = { inDims: spatial, outDims: outSp, kernel, strides: win.strides, dilations: win.dilations, padsBegin: win.padsBegin };
  const cg = channels / group;
  const mg = m / group;
  const kSize = sizeOf(kernel);
  const inSize = sizeOf(spatial);
  const outSize = sizeOf(outSp);
  const y = new Float64Array(batch * m * outSize);
  const col = new Float64Array(cg * kSize * outSize);
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < group; g++) {
      im2col(xv, (n * channels + g * cg) * inSize, cg, geom, col);
      gemm({ m: mg, n: outSize, k: cg * kSize, a: wv, aOffset: g * mg * cg * kSize, b: col, c: y, cOffset: (n * m + g * mg) * outSize });
    }
  }
  return { y, dims: [batch, m, ...outSp] };
}

/**
 * x - zp in doubles, where zp (laid out as `zpDims`) broadcasts numpy-style to x's shape; no zp reads as 0.
 * `what` names the zero point in errors.
 */
export function centeredBroadcast(x: Tensor, zp: Tensor | undefined, zpDims: readonly number[], ctx: KernelContext, what: string): Float64Array {
  const xv = toNumbers(x);
  const out = Float64Array.from(xv);
  if (!zp) return out;
  if (zp.dtype !== x.dtype) throw nodeError(ctx.node, 'E_DTYPE', `${what} is ${zp.dtype} but its input is ${x.dtype}`);
  const full = broadcastShape([zpDims, x.dims], ` in ${nodeLabel(ctx.node)}`);
  if (full.join(',') !== x.dims.join(',')) {
    throw nodeError(ctx.node, 'E_SHAPE', `${what} [${zp.dims}] does not broadcast to its input [${x.dims}]`);
  }
  const zv = toNumbers(zp);
  const idx = broadcastIndex(zpDims, x.dims);
  for (let i = 0; i < out.length; i++) out[i]! -= zv[idx ? idx[i]! : i]!;
  return out;
}

/** numpy.matmul over doubles with the interp's gemm; returns exact integer sums for integer operands. */
export function integerMatMul(av: Float64Array, aShape: readonly number[], bv: Float64Array, bShape: readonly number[], ctx: KernelContext): { y: Float64Array; dims: number[]; m: number; n: number } {
  const layout = matmulLayout(aShape, bShape, ctx.node);
  const y = new Float64Array(layout.batch * layout.m * layout.n);
  runMatMul(layout, av, bv, y);
  const { dims, m, n } = layout;
  return { y, dims, m, n };
}

/** Output dtype and range of a QLinear op: y_zero_point's dtype (uint8 or int8). */
export function quantOutput(yzp: Tensor, ctx: KernelContext): { dtype: DType; lo: number; hi: number; zp: number } {
  const [lo, hi] = intRange(yzp.dtype, ctx);
  if (yzp.size !== 1) throw nodeError(ctx.node, 'E_SHAPE', `y_zero_point must be a scalar, got [${yzp.dims}]`);
  return { dtype: yzp.dtype, lo, hi, zp: toNumbers(yzp)[0]! };
}
