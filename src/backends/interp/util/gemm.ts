/**
 * The shared matrix-multiply core of the interp backend (MatMul, Gemm, Conv, ConvTranspose, RNNs, Einsum).
 *
 *   C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C
 *
 * Row-major with explicit leading dimensions and offsets, BLAS style. The loop nest is the GotoBLAS one:
 * B is packed KC×NC at a time into 4-wide column panels, A is packed MC×KC at a time into 4-high row panels,
 * and a 4×4 micro-kernel keeps its 16 partial sums in locals (registers) while it streams both panels.
 * Packing also absorbs transA/transB and leading dimensions, so the micro-kernel only sees contiguous data.
 * Sums are accumulated in JS doubles, then stored into C's element type.
 */
export type FloatArray = Float32Array | Float64Array;

const MR = 4;
const NR = 4;
// Sizes chosen so an A block (MC×KC) stays in L2 and a B micro-panel (KC×NR) in L1.
const MC = 96;
const KC = 256;
const NC = 2048;

export interface GemmArgs {
  m: number;
  n: number;
  k: number;
  a: ArrayLike<number>;
  aOffset?: number;
  /** Leading dimension of A as stored (columns of the stored matrix); default: k, or m when transA. */
  lda?: number;
  transA?: boolean;
  b: ArrayLike<number>;
  bOffset?: number;
  ldb?: number;
  transB?: boolean;
  c: FloatArray;
  cOffset?: number;
  ldc?: number;
  alpha?: number;
  /** 0 ignores C's previous contents (even NaN), as BLAS does. */
  beta?: number;
}

// Packing buffers are reused across calls: kernels are synchronous, so one set per thread suffices.
let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NC);

export function gemm(g: GemmArgs): void {
  const { m, n, k, a, b, c } = g;
  const transA = g.transA ?? false;
  const transB = g.transB ?? false;
  const lda = g.lda ?? (transA ? m : k);
  const ldb = g.ldb ?? (transB ? k : n);
  const ldc = g.ldc ?? n;
  const aOff = g.aOffset ?? 0;
  const bOff = g.bOffset ?? 0;
  const cOff = g.cOffset ?? 0;
  const alpha = g.alpha ?? 1;
  const beta = g.beta ?? 0;
  scaleC(c, cOff, ldc, m, n, beta);
  if (k === 0 || alpha === 0 || m === 0 || n === 0) return;
  // A's element (i, p) lives at aOff + i*aRow + p*aCol, whatever the transposition.
  const aRow = transA ? 1 : lda;
  const aCol = transA ? lda : 1;
  const bRow = transB ? 1 : ldb; // step along k
  const bCol = transB ? ldb : 1; // step along n
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packPanelsB(b, bOff + pc * bRow + jc * bCol, bRow, bCol, kc, nc);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packPanelsA(a, aOff + ic * aRow + pc * aCol, aRow, aCol, mc, kc);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = Math.min(MR, mc - ir);
            microKernel(kc, ir * kc, jr * kc, c, cOff + (ic + ir) * ldc + jc + jr, ldc, mr, nr, alpha);
          }
        }
      }
    }
  }
}

function scaleC(c: FloatArray, off: number, ldc: number, m: number, n: number, beta: number): void {
  if (beta === 1) return;
  for (let i = 0; i < m; i++) {
    const row = off + i * ldc;
    if (beta === 0) c.fill(0, row, row + n);
    else for (let j = row; j < row + n; j++) c[j] *= beta;
  }
}

/** Packs a kc×nc block of B into NR-wide panels: panel p holds rows 0..kc of columns p*NR..p*NR+3, zero-padded. */
function packPanelsB(b: ArrayLike<number>, off: number, rs: number, cs: number, kc: number, nc: number): void {
  const need = kc * (Math.ceil(nc / NR) * NR);
  if (packB.length < need) packB = new Float64Array(need);
  const dst = packB;
  let w = 0;
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const nr = Math.min(NR, nc - j0);
    for (let p = 0; p < kc; p++) {
      const src = off + p * rs + j0 * cs;
      for (let j = 0; j < NR; j++) dst[w++] = j < nr ? b[src + j * cs] : 0;
    }
  }
}

/** Packs an mc×kc block of A into MR-high panels: panel p holds, for each k, rows p*MR..p*MR+3, zero-padded. */
function packPanelsA(a: ArrayLike<number>, off: number, rs: number, cs: number, mc: number, kc: number): void {
  const need = kc * (Math.ceil(mc / MR) * MR);
  if (packA.length < need) packA = new Float64Array(need);
  const dst = packA;
  let w = 0;
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const mr = Math.min(MR, mc - i0);
    for (let p = 0; p < kc; p++) {
      const src = off + i0 * rs + p * cs;
      for (let i = 0; i < MR; i++) dst[w++] = i < mr ? a[src + i * rs] : 0;
    }
  }
}

/** C[mr×nr] += alpha · Apanel · Bpanel, 16 sums held in locals. */
function microKernel(kc: number, aStart: number, bStart: number, c: FloatArray, cOff: number, ldc: number, mr: number, nr: number, alpha: number): void {
  const ap = packA;
  const bp = packB;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  // Panel p of A starts at p*MR*kc = ir*kc (likewise for B), which is what the caller passes.
  let ai = aStart;
  let bi = bStart;
  for (let p = 0; p < kc; p++) {
    const a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
    const b0 = bp[bi], b1 = bp[bi + 1], b2 = bp[bi + 2], b3 = bp[bi + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    ai += MR;
    bi += NR;
  }
  if (mr === MR && nr === NR) {
    let r = cOff;
    c[r] += alpha * c00; c[r + 1] += alpha * c01; c[r + 2] += alpha * c02; c[r + 3] += alpha * c03;
    r += ldc;
    c[r] += alpha * c10; c[r + 1] += alpha * c11; c[r + 2] += alpha * c12; c[r + 3] += alpha * c13;
    r += ldc;
    c[r] += alpha * c20; c[r + 1] += alpha * c21; c[r + 2] += alpha * c22; c[r + 3] += alpha * c23;
    r += ldc;
    c[r] += alpha * c30; c[r + 1] += alpha * c31; c[r + 2] += alpha * c32; c[r + 3] += alpha * c33;
    return;
  }
  // Edge tile: only the valid mr×nr corner is written.
  const sums = edgeSums;
  sums[0] = c00; sums[1] = c01; sums[2] = c02; sums[3] = c03;
  sums[4] = c10; sums[5] = c11; sums[6] = c12; sums[7] = c13;
  sums[8] = c20; sums[9] = c21; sums[10] = c22; sums[11] = c23;
  sums[12] = c30; sums[13] = c31; sums[14] = c32; sums[15] = c33;
  for (let i = 0; i < mr; i++) {
    for (let j = 0; j < nr; j++) c[cOff + i * ldc + j] += alpha * sums[i * NR + j];
  }
}
const edgeSums = new Float64Array(MR * NR);

/** Output storage for a gemm result of `dtype`: float32/float64 are written in place, others via doubles. */
export function gemmOutput(dtype: string, n: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}
