/**
 * Conv forward as the kernel runs it: Y[n, g·Mg + m] = W_g[m, :] · im2col(X[n, group g]) + B[m].
 * Picks the cheapest lowering per shape:
 *  - pointwise (1×1, stride 1, no padding): X already is the column matrix, straight to gemm;
 *  - one input channel per output channel (depthwise): a direct sliding window (depthwise2d);
 *  - 1-D / 2-D: im2col2d into a bounded column buffer, a slice of output positions at a time, each slice
 *    one gemm (the buffer stays cache-sized instead of kSize× the image);
 *  - more spatial dims: the N-D im2col over all positions, then one gemm.
 * The bias is written into Y first and the gemms accumulate onto it (beta = 1), saving a pass.
 */
import { sizeOf } from '../../../ir/tensor';
import { depthwise2d, im2col, im2col2d, window2d, type ConvGeometry } from './conv';
import { gemm, type FloatArray } from './gemm';

export interface ConvProblem {
  x: ArrayLike<number>;
  w: ArrayLike<number>;
  bias?: ArrayLike<number>;
  batch: number;
  channels: number;
  /** Output channels. */
  m: number;
  group: number;
  geom: ConvGeometry;
  /** [batch, m, ...outDims], overwritten. */
  y: FloatArray;
}

// Column buffer budget in doubles (2 MiB): large enough for long gemm slices, small enough for L2/L3.
const COL_BUDGET = 1 << 18;
let colBuf = new Float64Array(0);

function columns(n: number): Float64Array {
  if (colBuf.length < n) colBuf = new Float64Array(n);
  return colBuf;
}

export function runConv(p: ConvProblem): void {
  const { x, w, y, geom } = p;
  // `| 0`: model dims may be integral doubles; int32 offsets keep the callees on their fast path.
  const [batch, channels, m, group] = [p.batch | 0, p.channels | 0, p.m | 0, p.group | 0];
  const cg = (channels / group) | 0;
  const mg = (m / group) | 0;
  const kSize = sizeOf(geom.kernel) | 0;
  const inSize = sizeOf(geom.inDims) | 0;
  const outSize = sizeOf(geom.outDims) | 0;
  for (let i = 0; i < batch * m; i++) y.fill(p.bias ? p.bias[i % m]! : 0, i * outSize, (i + 1) * outSize);
  if (outSize === 0) return;
  const flat = geom.inDims.length <= 2;
  if (cg === 1 && flat) return runDepthwise({ ...p, batch, channels, m }, mg, kSize, inSize, outSize);
  const pointwise = kSize === 1 && outSize === inSize && geom.strides.every((s) => s === 1) && geom.padsBegin.every((q) => q === 0);
  const rows = cg * kSize;
  // Output positions per gemm slice; ≥ 64 keeps A's repacking per slice under ~2 % of the work.
  const slice = pointwise || !flat ? outSize : Math.min(outSize, Math.max(64, Math.floor(COL_BUDGET / rows)));
  const win = flat ? window2d(geom) : undefined;
  const col = pointwise ? undefined : columns(rows * slice);
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < group; g++) {
      const imgOff = (n * channels + g * cg) * inSize;
      const yOff = (n * m + g * mg) * outSize;
      for (let j0 = 0; j0 < outSize; j0 += slice) {
        const cols = Math.min(slice, outSize - j0);
        if (col && win) im2col2d(x, imgOff, cg, win, j0, cols, col);
        else if (col) im2col(x, imgOff, cg, geom, col);
        gemm({
          m: mg, n: cols, k: rows,
          a: w, aOffset: g * mg * rows,
          b: col ?? x, bOffset: col ? 0 : imgOff + j0, ldb: col ? cols : inSize,
          c: y, cOffset: yOff + j0, ldc: outSize,
          beta: 1,
        });
      }
    }
  }
}

function runDepthwise(p: ConvProblem, mg: number, kSize: number, inSize: number, outSize: number): void {
  const win = window2d(p.geom);
  const acc = new Float64Array(outSize);
  for (let n = 0; n < p.batch; n++) {
    for (let oc = 0; oc < p.m; oc++) {
      const yOff = (n * p.m + oc) * outSize;
      acc.fill(p.bias ? p.bias[oc]! : 0);
      // Output channel oc belongs to group floor(oc / mg), whose single input channel has that index.
      depthwise2d(p.x, (n * p.channels + Math.floor(oc / mg)) * inSize, p.w, oc * kSize, win, acc);
      p.y.set(acc, yOff);
    }
  }
}
