/**
 * im2col / col2im over N spatial dims, for Conv (im2col + gemm) and ConvTranspose (gemm + col2im).
 * The column matrix has one row per (channel, kernel offset) and one column per output position.
 */
import type { FloatArray } from './gemm';

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

/** Fills `col` ([channels·kSize, outSize]) from `img` ([channels, ...inDims]) starting at `imgOff`. */
export function im2col(img: ArrayLike<number>, imgOff: number, channels: number, g: ConvGeometry, col: FloatArray): void {
  const kSize = g.kernel.reduce((x, y) => x * y, 1);
  const outSize = g.outDims.reduce((x, y) => x * y, 1);
  const imgSize = g.inDims.reduce((x, y) => x * y, 1);
  // The tap pattern is the same for every channel: compute it once, then gather per channel.
  const src = new Int32Array(kSize * outSize);
  forEachTap(g, (row, c, s) => (src[row * outSize + c] = s));
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
export function col2im(col: FloatArray, channels: number, g: ConvGeometry, img: FloatArray, imgOff: number): void {
  const kSize = g.kernel.reduce((x, y) => x * y, 1);
  const outSize = g.outDims.reduce((x, y) => x * y, 1);
  const imgSize = g.inDims.reduce((x, y) => x * y, 1);
  const src = new Int32Array(kSize * outSize);
  forEachTap(g, (row, c, s) => (src[row * outSize + c] = s));
  for (let ch = 0; ch < channels; ch++) {
    const base = imgOff + ch * imgSize;
    const from = ch * kSize * outSize;
    for (let i = 0; i < src.length; i++) {
      const s = src[i]!;
      if (s >= 0) img[base + s] += col[from + i]!;
    }
  }
}
