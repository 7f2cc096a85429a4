/**
 * The shared matrix-multiply core of the interp backend (MatMul, Gemm, Conv, ConvTranspose, RNNs).
 *
 *   C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C
 *
 * Row-major with explicit leading dimensions and offsets, BLAS style. The loop nest is the GotoBLAS one:
 * B is packed KC×NC at a time into NR-wide column panels, A is packed MC×KC at a time into MR-high row panels,
 * and a 4×8 micro-kernel keeps its 32 partial sums in locals while it streams both panels. Packing absorbs
 * transA/transB, leading dimensions and the storage type (see gemm-typed.ts), so the micro-kernel only ever
 * sees contiguous Float64Arrays. Sums are accumulated in JS doubles, then added into C's element type.
 */
import { PARALLEL_MIN_MACS, runSplit, shareCopy, threadCount } from '../parallel/worker-pool';
import { addRowFor, typedLeaves } from './gemm-typed';

export type FloatArray = Float32Array | Float64Array;

// 4×8 measured fastest in JSC among 2×8, 3×4, 4×4, 4×6, 4×12, 6×8, 8×4, 8×8 (≈9 GFLOP/s vs ≈6 for 4×4).
const MR = 4;
const NR = 8;
// An A block (MC×KC doubles, 192 KiB) stays in L2, a B micro-panel (KC×NR, 16 KiB) in L1.
const MC = 96;
const KC = 256;
const NC = 2048;

interface GemmArgs {
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

// Packing buffers are reused across calls: kernels are synchronous, so one set per thread suffices. They are
// never reallocated (kc ≤ KC, mc ≤ MC, nc ≤ NC, all multiples of MR/NR): JSC folds a module binding that is
// never reassigned into a constant, which the micro-kernel's code relies on for speed.
const packA = new Float64Array(MC * KC);
const packB = new Float64Array(KC * NC);
const tile = new Float64Array(MR * NR);

/** A gemm with every default resolved and A/B addressed by (row, column) steps, whatever the transposition. */
interface GemmPlan {
  m: number; n: number; k: number;
  a: ArrayLike<number>; aOff: number; aRow: number; aCol: number;
  b: ArrayLike<number>; bOff: number; bRow: number; bCol: number;
  c: FloatArray; cOff: number; ldc: number;
  alpha: number; beta: number;
}

export function gemm(g: GemmArgs): void {
  const transA = g.transA ?? false;
  const transB = g.transB ?? false;
  const lda = g.lda ?? (transA ? g.m : g.k);
  const ldb = g.ldb ?? (transB ? g.k : g.n);
  const p: GemmPlan = {
    m: g.m, n: g.n, k: g.k,
    // A's element (i, p) lives at aOff + i*aRow + p*aCol; B's (p, j) at bOff + p*bRow + j*bCol.
    a: g.a, aOff: g.aOffset ?? 0, aRow: transA ? 1 : lda, aCol: transA ? lda : 1,
    b: g.b, bOff: g.bOffset ?? 0, bRow: transB ? 1 : ldb, bCol: transB ? ldb : 1,
    c: g.c, cOff: g.cOffset ?? 0, ldc: g.ldc ?? g.n,
    alpha: g.alpha ?? 1, beta: g.beta ?? 0,
  };
  if (threadCount() > 1 && p.m >= 2 * MR && p.m * p.n * p.k >= PARALLEL_MIN_MACS) gemmParallel(p);
  else runGemm(p);
}

/** Rows [from, to) of a plan: what one thread computes of a split gemm. */
export function gemmRows(p: GemmPlan, from: number, to: number): void {
  runGemm({ ...p, m: to - from, aOff: p.aOff + from * p.aRow, cOff: p.cOff + from * p.ldc });
}

/** Splits C by rows across the pool; operands travel as shared copies, C comes back into the caller's array. */
function gemmParallel(p: GemmPlan): void {
  const { m, n, c } = p;
  const shared = c instanceof Float32Array ? new Float32Array(new SharedArrayBuffer(m * n * 4)) : new Float64Array(new SharedArrayBuffer(m * n * 8));
  if (p.beta !== 0) for (let i = 0; i < m; i++) shared.set(c.subarray(p.cOff + i * p.ldc, p.cOff + i * p.ldc + n), i * n);
  const sp: GemmPlan = { ...p, a: shareCopy(p.a), b: shareCopy(p.b), c: shared, cOff: 0, ldc: n };
  runSplit('gemm', sp, m, MR, (from, to) => gemmRows(sp, from, to));
  for (let i = 0; i < m; i++) c.set(shared.subarray(i * n, (i + 1) * n), p.cOff + i * p.ldc);
}

function runGemm(p: GemmPlan): void {
  const { a, b, c } = p;
  // `| 0` on purpose: dims decoded from a model (e.g. Number(bigint)) are integral doubles, and a hot JSC
  // function speculated on int32 arguments exits and gets recompiled into slower code when handed one.
  const m = p.m | 0;
  const n = p.n | 0;
  const k = p.k | 0;
  const [aOff, aRow, aCol] = [p.aOff | 0, p.aRow | 0, p.aCol | 0];
  const [bOff, bRow, bCol] = [p.bOff | 0, p.bRow | 0, p.bCol | 0];
  const [cOff, ldc] = [p.cOff | 0, p.ldc | 0];
  const { alpha, beta } = p;
  scaleC(c, cOff, ldc, m, n, beta);
  if (k === 0 || alpha === 0 || m === 0 || n === 0) return;
  const packPanelA = typedLeaves(a).packPanel;
  const packPanelB = typedLeaves(b).packPanel;
  const addRow = addRowFor(c);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      // Panel j of B holds columns j*NR.. for all kc rows, at packB[j*NR*kc].
      for (let j0 = 0; j0 < nc; j0 += NR) {
        packPanelB(b, bOff + pc * bRow + (jc + j0) * bCol, bCol, bRow, Math.min(NR, nc - j0), NR, kc, packB, j0 * kc);
      }
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        for (let i0 = 0; i0 < mc; i0 += MR) {
          packPanelA(a, aOff + (ic + i0) * aRow + pc * aCol, aRow, aCol, Math.min(MR, mc - i0), MR, kc, packA, i0 * kc);
        }
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            microKernel(kc, ir * kc, jr * kc);
            const mr = Math.min(MR, mc - ir);
            const at = cOff + (ic + ir) * ldc + jc + jr;
            for (let i = 0; i < mr; i++) addRow(c, at + i * ldc, tile, i * NR, nr, alpha);
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

/** tile[4×8] = Apanel · Bpanel over kc, 32 sums held in locals (a full tile; edge panels are zero-padded). */
function microKernel(kc: number, aStart: number, bStart: number): void {
  const ap = packA;
  const bp = packB;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c24 = 0, c25 = 0, c26 = 0, c27 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0, c34 = 0, c35 = 0, c36 = 0, c37 = 0;
  let ai = aStart;
  let bi = bStart;
  for (let p = 0; p < kc; p++) {
    const b0 = bp[bi]!, b1 = bp[bi + 1]!, b2 = bp[bi + 2]!, b3 = bp[bi + 3]!;
    const b4 = bp[bi + 4]!, b5 = bp[bi + 5]!, b6 = bp[bi + 6]!, b7 = bp[bi + 7]!;
    // One A value live at a time keeps the register pressure at 32 sums + 8 B values + 1.
    let a = ap[ai]!;
    c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3; c04 += a * b4; c05 += a * b5; c06 += a * b6; c07 += a * b7;
    a = ap[ai + 1]!;
    c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3; c14 += a * b4; c15 += a * b5; c16 += a * b6; c17 += a * b7;
    a = ap[ai + 2]!;
    c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3; c24 += a * b4; c25 += a * b5; c26 += a * b6; c27 += a * b7;
    a = ap[ai + 3]!;
    c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3; c34 += a * b4; c35 += a * b5; c36 += a * b6; c37 += a * b7;
    ai += MR;
    bi += NR;
  }
  const t = tile;
  t[0] = c00; t[1] = c01; t[2] = c02; t[3] = c03; t[4] = c04; t[5] = c05; t[6] = c06; t[7] = c07;
  t[8] = c10; t[9] = c11; t[10] = c12; t[11] = c13; t[12] = c14; t[13] = c15; t[14] = c16; t[15] = c17;
  t[16] = c20; t[17] = c21; t[18] = c22; t[19] = c23; t[20] = c24; t[21] = c25; t[22] = c26; t[23] = c27;
  t[24] = c30; t[25] = c31; t[26] = c32; t[27] = c33; t[28] = c34; t[29] = c35; t[30] = c36; t[31] = c37;
}

/** Output storage for a gemm result of `dtype`: float32/float64 are written in place, others via doubles. */
export function gemmOutput(dtype: string, n: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}
