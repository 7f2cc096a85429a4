/**
 * im2col / col2im over N spatial dims, for Conv (im2col + gemm) and ConvTranspose (gemm + col2im).
 * The column matrix has one row per (channel, kernel offset) and one column per output position.
 * Conv uses the fast 2-D forms below (im2col2d, depthwise2d) for 1-D and 2-D images, the N-D ones otherwise.
 */
import { typedLeaves } from './gemm-typed';

export interface ConvGeometry {
  inDims: number[]; // spatial extents of the image
  outDims: number[]; // spatial extents of the sliding positions
  kernel: number[];
  strides: number[];
  dilations: number[];
  padsBegin: number[];
}

/**
 * For each spatial axis a table [k*out + o] → input index touched by kernel offset k at output position o,
 * or -1 when it falls into padding. Precomputed once so the inner loops do no bounds arithmetic.
 */
function axisTables(g: ConvGeometry): Int32Array[] {
  return g.inDims.map((size, a) => {
    const out = g.outDims[a]!;
    const k = g.kernel[a]!;
    const tbl = new Int32Array(k * out);
    for (let ki = 0; ki < k; ki++) {
      for (let o = 0; o < out; o++) {
        const i = o * g.strides[a]! - g.padsBegin[a]! + ki * g.dilations[a]!;
        tbl[ki * out + o] = i >= 0 && i < size ? i : -1;
      }
    }
    return tbl;
  });
}

/** Visits every (kernel offset, output position) pair with the flat image offset (or -1 for padding). */
function forEachTap(g: ConvGeometry, visit: (row: number, col: number, src: number) => void): void {
  const n = g.inDims.length;
  const tables = axisTables(g);
  const inStride = new Array<number>(n);
  let acc = 1;
  for (let a = n - 1; a >= 0; a--) {
    inStride[a] = acc;
    acc *= g.inDims[a]!;
  }
  const kSize = g.kernel.reduce((x, y) => x * y, 1);
  const outSize = g.outDims.reduce((x, y) => x * y, 1);
  const kIdx = new Array<number>(n).fill(0);
  const oIdx = new Array<number>(n).fill(0);
  const last = n - 1;
  const lastOut = g.outDims[last] ?? 1;
  for (let row = 0; row < kSize; row++) {
    // Walk output positions in row-major order; the last axis is the tight inner loop.
    oIdx.fill(0);
    for (let col = 0; col < outSize; col += lastOut) {
      let base = 0;
      let valid = true;
      for (let a = 0; a < last; a++) {
        const i = tables[a]![kIdx[a]! * g.outDims[a]! + oIdx[a]!]!;
        if (i < 0) valid = false;
        base += i * inStride[a]!;
      }
      const tbl = tables[last]!;
      const tOff = kIdx[last]! * lastOut;
      for (let o = 0; o < lastOut; o++) {
        const i = tbl[tOff + o]!;
        visit(row, col + o, valid && i >= 0 ? base + i : -1);
      }
      for (let a = last - 1; a >= 0; a--) {
        if (++oIdx[a]! < g.outDims[a]!) break;
        oIdx[a] = 0;
      }
    }
    for (let a = last; a >= 0; a--) {
      if (++kIdx[a]! < g.kernel[a]!) break;
      kIdx[a] = 0;
    }
  }
}

/** Sizes and the tap table shared by im2col and its adjoint: src[row·outSize + c] is the input offset a tap reads (-1: padding). */
function tapTable(g: ConvGeometry): { src: Int32Array; kSize: number; outSize: number; imgSize: number } {
  const kSize = g.kernel.reduce((x, y) => x * y, 1);
  const outSize = g.outDims.reduce((x, y) => x * y, 1);
  const imgSize = g.inDims.reduce((x, y) => x * y, 1);
  // The tap pattern is the same for every channel: compute it once, then gather per channel.
  const src = new Int32Array(kSize * outSize);
  forEachTap(g, (row, c, s) => (src[row * outSize + c] = s));
  return { src, kSize, outSize, imgSize };
}

/** Fills `col` ([channels·kSize, outSize]) from `img` ([channels, ...inDims]) starting at `imgOff`. */
export function im2col(img: ArrayLike<number>, imgOff: number, channels: number, g: ConvGeometry, col: Float64Array): void {
  const { src, kSize, outSize, imgSize } = tapTable(g);
  for (let ch = 0; ch < channels; ch++) {
    const base = imgOff + ch * imgSize;
    const dst = ch * kSize * outSize;
    for (let i = 0; i < src.length; i++) {
      const s = src[i]!;
      col[dst + i] = s < 0 ? 0 : img[base + s]!;
    }
  }
}

/** Adds `col` ([channels·kSize, outSize]) back into `img` ([channels, ...inDims]) at `imgOff` (the adjoint of im2col). */
export function col2im(col: Float64Array, channels: number, g: ConvGeometry, img: Float64Array, imgOff: number): void {
  const { src, kSize, outSize, imgSize } = tapTable(g);
  for (let ch = 0; ch < channels; ch++) {
    const base = imgOff + ch * imgSize;
    const from = ch * kSize * outSize;
    for (let i = 0; i < src.length; i++) {
      const s = src[i]!;
      if (s >= 0) img[base + s] += col[from + i]!;
    }
  }
}

/** One 2-D sliding window (a 1-D conv is a 2-D one with a single row). */
interface Window2d {
  h: number; w: number; // image
  oh: number; ow: number; // output positions
  kh: number; kw: number;
  sh: number; sw: number;
  dh: number; dw: number;
  ph: number; pw: number; // begin pads
}

export function window2d(g: ConvGeometry): Window2d {
  // A 1-D window gets a leading height axis of extent 1 (unit kernel, stride and dilation, no padding).
  // `| 0`: model dims may be integral doubles, which would push the hot loops off their int32 fast path.
  const lift = (xs: number[], unit: number): [number, number] => (xs.length === 1 ? [unit, xs[0]! | 0] : [xs[0]! | 0, xs[1]! | 0]);
  const [h, w] = lift(g.inDims, 1);
  const [oh, ow] = lift(g.outDims, 1);
  const [kh, kw] = lift(g.kernel, 1);
  const [sh, sw] = lift(g.strides, 1);
  const [dh, dw] = lift(g.dilations, 1);
  const [ph, pw] = lift(g.padsBegin, 0);
  return { h, w, oh, ow, kh, kw, sh, sw, dh, dw, ph, pw };
}

/** Output columns [lo, hi) whose tap at horizontal kernel offset kj lands inside the image row. */
function validCols(g: Window2d, kj: number): [number, number] {
  const shift = kj * g.dw - g.pw; // input column = ow·sw + shift
  const lo = Math.max(0, Math.ceil(-shift / g.sw));
  const hi = Math.min(g.ow, Math.floor((g.w - 1 - shift) / g.sw) + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * 2-D im2col for output positions [j0, j0 + cols) (flat oh·ow index): row (c·kh + ki)·kw + kj of `col` holds,
 * for each of those positions, the pixel under tap (ki, kj) of channel c, or 0 in the padding. Whole row
 * segments are copied at once, so there is no per-element index arithmetic or bounds test.
 */
export function im2col2d(img: ArrayLike<number>, imgOff: number, channels: number, g: Window2d, j0: number, cols: number, col: Float64Array): void {
  const { gather } = typedLeaves(img);
  const j1 = j0 + cols;
  const ohFirst = Math.floor(j0 / g.ow);
  const ohEnd = Math.ceil(j1 / g.ow);
  let row = 0;
  for (let c = 0; c < channels; c++) {
    const chBase = imgOff + c * g.h * g.w;
    for (let ki = 0; ki < g.kh; ki++) {
      for (let kj = 0; kj < g.kw; kj++, row++) {
        const [lo, hi] = validCols(g, kj);
        const shift = kj * g.dw - g.pw;
        const dst = row * cols - j0; // col index of flat position j is dst + j
        for (let oh = ohFirst; oh < ohEnd; oh++) {
          const rowStart = oh * g.ow;
          const a = Math.max(rowStart, j0);
          const b = Math.min(rowStart + g.ow, j1);
          const ih = oh * g.sh - g.ph + ki * g.dh;
          const vlo = Math.min(b, Math.max(a, rowStart + lo));
          const vhi = Math.max(vlo, Math.min(b, rowStart + hi));
          if (ih < 0 || ih >= g.h || vlo === vhi) {
            col.fill(0, dst + a, dst + b);
            continue;
          }
          col.fill(0, dst + a, dst + vlo);
          gather(img, chBase + ih * g.w + (vlo - rowStart) * g.sw + shift, g.sw, col, dst + vlo, vhi - vlo);
          col.fill(0, dst + vhi, dst + b);
        }
      }
    }
  }
}

/**
 * A conv where each output channel reads one input channel (depthwise, group == C): a direct sliding window,
 * since im2col + gemm would multiply a 1-row matrix. `acc` ([oh·ow], preset to the bias) gets
 * Σ w[ki,kj] · img[c] shifted, one whole output row segment per tap.
 */
export function depthwise2d(img: ArrayLike<number>, chOff: number, wv: ArrayLike<number>, wOff: number, g: Window2d, acc: Float64Array): void {
  const { axpy } = typedLeaves(img);
  for (let ki = 0; ki < g.kh; ki++) {
    for (let kj = 0; kj < g.kw; kj++) {
      const wt = wv[wOff + ki * g.kw + kj]!;
      const [lo, hi] = validCols(g, kj);
      if (lo === hi) continue;
      const shift = kj * g.dw - g.pw;
      for (let oh = 0; oh < g.oh; oh++) {
        const ih = oh * g.sh - g.ph + ki * g.dh;
        if (ih < 0 || ih >= g.h) continue;
        axpy(img, chOff + ih * g.w + lo * g.sw + shift, g.sw, wt, acc, oh * g.ow + lo, hi - lo);
      }
    }
  }
}
