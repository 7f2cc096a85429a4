import { HoduError } from '../../../errors';
import { normalizeAxis } from '../../../ir/axis';
import { isIntDType } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { fromNumbers, sizeOf, type Tensor, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';

// Resize: output size from `sizes` (optionally keeping the aspect ratio) or floor(in · scales), then
// per-axis interpolation (see resizeTensor below, also used by Upsample).
export default defineKernel('Resize', (inputs, ctx) => {
  const where = nodeLabel(ctx.node);
  const x = tensorInput(inputs, 0, ctx);
  const legacy = ctx.opset < 11;
  const given = (t: Tensor | undefined) => (t && t.size > 0 ? Array.from(toNumbers(t), Number) : undefined);
  const roi = legacy ? undefined : given(optionalInput(inputs, 1));
  const scalesIn = given(optionalInput(inputs, legacy ? 1 : 2));
  const sizesIn = legacy ? undefined : given(optionalInput(inputs, 3));
  const rank = x.rank;
  const axes = (ctx.opset >= 18 ? ctx.attr<number[] | undefined>('axes') : undefined) ?? Array.from({ length: rank }, (_, i) => i);
  const ax = axes.map((a) => normalizeAxis(a, rank, ctx.node, 'axes value'));
  if (new Set(ax).size !== ax.length) {
    throw nodeError(ctx.node, 'E_ATTR', `axes [${axes}] repeat an axis`);
  }
  if ((scalesIn === undefined) === (sizesIn === undefined)) {
    throw nodeError(ctx.node, 'E_INPUT', 'exactly one of scales and sizes must be given');
  }
  const outDims = [...x.dims];
  const resized = [...x.dims];
  const scales = new Array<number>(rank).fill(1);
  if (sizesIn) {
    if (sizesIn.length !== ax.length) throw nodeError(ctx.node, 'E_SHAPE', `sizes has ${sizesIn.length} entries for ${ax.length} axes`);
    const policy = ctx.opset >= 18 ? ctx.attr<string>('keep_aspect_ratio_policy') : 'stretch';
    if (policy === 'stretch') {
      ax.forEach((a, i) => {
        outDims[a] = sizesIn[i]!;
        resized[a] = sizesIn[i]!;
        scales[a] = sizesIn[i]! / x.dims[a]!;
      });
    } else if (policy === 'not_larger' || policy === 'not_smaller') {
      const ratios = ax.map((a, i) => sizesIn[i]! / x.dims[a]!);
      const s = policy === 'not_larger' ? Math.min(...ratios) : Math.max(...ratios);
      ax.forEach((a) => {
        outDims[a] = Math.round(s * x.dims[a]!);
        resized[a] = s * x.dims[a]!;
        scales[a] = s;
      });
    } else {
      throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unknown keep_aspect_ratio_policy '${policy}'`);
    }
  } else {
    if (scalesIn!.length !== ax.length) throw nodeError(ctx.node, 'E_SHAPE', `scales has ${scalesIn!.length} entries for ${ax.length} axes`);
    ax.forEach((a, i) => {
      const s = scalesIn![i]!;
      if (!(s > 0)) throw nodeError(ctx.node, 'E_INPUT', `scales must be positive, got ${s}`);
      outDims[a] = Math.floor(x.dims[a]! * s);
      resized[a] = x.dims[a]! * s;
      scales[a] = s;
    });
  }
  const roiStart = new Array<number>(rank).fill(0);
  const roiEnd = new Array<number>(rank).fill(1);
  if (roi) {
    if (roi.length !== 2 * ax.length) throw nodeError(ctx.node, 'E_SHAPE', `roi has ${roi.length} entries, expected ${2 * ax.length}`);
    ax.forEach((a, i) => {
      roiStart[a] = roi[i]!;
      roiEnd[a] = roi[ax.length + i]!;
    });
  }
  return [resizeTensor(x, {
    where,
    mode: ctx.attr<string>('mode'),
    coordMode: legacy ? 'asymmetric' : ctx.attr<string>('coordinate_transformation_mode'),
    nearestMode: legacy ? 'legacy' : ctx.attr<string>('nearest_mode'),
    cubicA: ctx.attr<number>('cubic_coeff_a'),
    excludeOutside: ctx.attr<number>('exclude_outside') === 1,
    extrapolation: ctx.attr<number>('extrapolation_value'),
    antialias: ctx.opset >= 18 && ctx.attr<number>('antialias') === 1,
    outDims, resized, scales, roiStart, roiEnd,
  })];
});

/**
 * The N-D resize core shared by Resize and Upsample. Interpolation is separable, so the tensor is resized one
 * axis at a time: for each axis and output coordinate we compute the taps (input index, weight) once, then
 * sweep the data. Tap weights follow the ONNX reference implementation (onnx/reference/ops/op_resize.py).
 */

interface ResizeOptions {
  where: string;
  mode: string; // nearest | linear | cubic
  coordMode: string;
  /** round_prefer_floor | round_prefer_ceil | floor | ceil | legacy (opset < 11: floor up, ceil down) */
  nearestMode: string;
  cubicA: number;
  excludeOutside: boolean;
  extrapolation: number;
  antialias: boolean;
  /** Per axis of X: output size, the scale used by the coordinate transform, and the roi (tf_crop_and_resize). */
  outDims: number[];
  /**
   * The un-floored resized length (in · scale) that align_corners, pytorch_half_pixel and tf_crop_and_resize
   * divide by, as the reference does; equals outDims when sizes were given. Defaults to outDims.
   */
  resized?: number[];
  scales: number[];
  roiStart: number[];
  roiEnd: number[];
}

interface Taps {
  count: number;
  idx: Int32Array; // [out·count]
  weight: Float64Array;
  outside: Uint8Array; // [out]: 1 = extrapolate (tf_crop_and_resize)
}

function sourceCoordinate(o: ResizeOptions, x: number, inSize: number, outInt: number, scale: number, a: number): number {
  const outSize = o.resized?.[a] ?? outInt;
  switch (o.coordMode) {
    case 'half_pixel': return (x + 0.5) / scale - 0.5;
    case 'half_pixel_symmetric': {
      const adjustment = outInt / outSize;
      const offset = (inSize / 2) * (1 - adjustment);
      return offset + (x + 0.5) / scale - 0.5;
    }
    case 'pytorch_half_pixel': return outSize > 1 ? (x + 0.5) / scale - 0.5 : -0.5;
    case 'align_corners': return outSize === 1 ? 0 : (x * (inSize - 1)) / (outSize - 1);
    case 'asymmetric': return x / scale;
    case 'tf_half_pixel_for_nn': return (x + 0.5) / scale;
    case 'tf_crop_and_resize': {
      const [s, e] = [o.roiStart[a]!, o.roiEnd[a]!];
      return outSize > 1 ? s * (inSize - 1) + (x * (e - s) * (inSize - 1)) / (outSize - 1) : ((e - s) * (inSize - 1)) / 2 + s * (inSize - 1);
    }
    default:
      throw new HoduError('E_UNSUPPORTED_ATTR', `${o.where}: unknown coordinate_transformation_mode '${o.coordMode}'`);
  }
}

function nearestIndex(o: ResizeOptions, x: number, scale: number): number {
  switch (o.nearestMode) {
    case 'round_prefer_floor': return x - Math.floor(x) === 0.5 ? Math.floor(x) : Math.round(x);
    case 'round_prefer_ceil': return Math.round(x);
    case 'floor': return Math.floor(x);
    case 'ceil': return Math.ceil(x);
    case 'legacy': return scale < 1 ? Math.ceil(x) : Math.trunc(x);
    default:
      throw new HoduError('E_UNSUPPORTED_ATTR', `${o.where}: unknown nearest_mode '${o.nearestMode}'`);
  }
}

function cubicKernel(x: number, a: number): number {
  const t = Math.abs(x);
  if (t <= 1) return ((a + 2) * t - (a + 3)) * t * t + 1;
  if (t < 2) return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
  return 0;
}

/** Relative tap offsets and weights for fractional position `ratio` past floor(x). */
function filterTaps(o: ResizeOptions, ratio: number, scale: number): { first: number; weights: number[] } {
  // Antialiasing widens the filter by 1/scale when downsampling.
  const s = o.antialias ? Math.min(scale, 1) : 1;
  if (o.mode === 'linear') {
    const first = Math.floor(-1 / s) + 1;
    const n = 2 - 2 * first;
    const w = Array.from({ length: n }, (_, k) => Math.max(0, 1 - Math.abs((first + k - ratio) * s)));
    return { first, weights: w };
  }
  const first = Math.floor(-2 / s) + 1;
  const n = 2 - 2 * first;
  return { first, weights: Array.from({ length: n }, (_, k) => cubicKernel((first + k - ratio) * s, o.cubicA)) };
}

function axisTaps(o: ResizeOptions, a: number, inSize: number): Taps {
  const outSize = o.outDims[a]!;
  const scale = o.scales[a]!;
  const probe = o.mode === 'nearest' ? { first: 0, weights: [1] } : filterTaps(o, 0, scale);
  const count = probe.weights.length;
  const taps: Taps = { count, idx: new Int32Array(outSize * count), weight: new Float64Array(outSize * count), outside: new Uint8Array(outSize) };
  for (let j = 0; j < outSize; j++) {
    const x = sourceCoordinate(o, j, inSize, outSize, scale, a);
    if (o.coordMode === 'tf_crop_and_resize' && (x < 0 || x > inSize - 1)) {
      taps.outside[j] = 1;
      continue;
    }
    if (o.mode === 'nearest') {
      taps.idx[j] = Math.min(Math.max(nearestIndex(o, x, scale), 0), inSize - 1);
      taps.weight[j] = 1;
      continue;
    }
    const base = Math.floor(x);
    const { first, weights } = filterTaps(o, x - base, scale);
    let total = 0;
    for (let k = 0; k < count; k++) {
      const i = base + first + k;
      const inside = i >= 0 && i < inSize;
      const w = o.excludeOutside && !inside ? 0 : weights[k]!;
      taps.idx[j * count + k] = Math.min(Math.max(i, 0), inSize - 1);
      taps.weight[j * count + k] = w;
      total += w;
    }
    // Antialiased and exclude_outside filters are renormalized to sum to one.
    if ((o.excludeOutside || o.antialias) && total !== 0) for (let k = 0; k < count; k++) taps.weight[j * count + k] /= total;
  }
  return taps;
}

export function resizeTensor(x: Tensor, o: ResizeOptions): Tensor {
  if (!['nearest', 'linear', 'cubic'].includes(o.mode)) {
    throw new HoduError('E_UNSUPPORTED_ATTR', `${o.where}: unknown mode '${o.mode}'`, { hint: 'expected nearest, linear or cubic' });
  }
  let dims = [...x.dims];
  let cur: Float64Array = Float64Array.from(toNumbers(x));
  for (let a = 0; a < dims.length; a++) {
    const inSize = dims[a]!;
    const outSize = o.outDims[a]!;
    const identity = outSize === inSize && o.scales[a] === 1 && o.coordMode !== 'tf_crop_and_resize';
    if (identity) continue;
    if (inSize === 0 && outSize > 0) throw new HoduError('E_SHAPE', `${o.where}: cannot resize an empty axis ${a} to ${outSize}`);
    const taps = axisTaps(o, a, inSize);
    const outer = sizeOf(dims.slice(0, a));
    const inner = sizeOf(dims.slice(a + 1));
    const next = new Float64Array(outer * outSize * inner);
    for (let q = 0; q < outer; q++) {
      for (let j = 0; j < outSize; j++) {
        const dst = (q * outSize + j) * inner;
        if (taps.outside[j]) {
          next.fill(o.extrapolation, dst, dst + inner);
          continue;
        }
        for (let k = 0; k < taps.count; k++) {
          const w = taps.weight[j * taps.count + k]!;
          if (w === 0) continue;
          const src = (q * inSize + taps.idx[j * taps.count + k]!) * inner;
          for (let i = 0; i < inner; i++) next[dst + i] += w * cur[src + i]!;
        }
      }
    }
    cur = next;
    dims[a] = outSize;
  }
  // Integer images round to nearest after interpolation rather than truncating.
  if (isIntDType(x.dtype) && o.mode !== 'nearest') for (let i = 0; i < cur.length; i++) cur[i] = Math.round(cur[i]!);
  return fromNumbers(x.dtype, dims, cur);
}
