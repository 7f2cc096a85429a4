import { broadcastStrides, floatBits, need, type Builder } from './context';

// [M, K, N, batch_rank, out_batch_dims(br), a_batch_strides(br), b_batch_strides(br)]; 1-D operands promoted.
export const matmul: Builder = (c) => {
  const a0 = need(c, 0);
  const b0 = need(c, 1);
  const a = a0.length === 1 ? [1, a0[0]!] : a0;
  const b = b0.length === 1 ? [b0[0]!, 1] : b0;
  const m = a[a.length - 2]!;
  const k = a[a.length - 1]!;
  const n = b[b.length - 1]!;
  const aBatch = a.slice(0, -2);
  const bBatch = b.slice(0, -2);
  const rank = Math.max(aBatch.length, bBatch.length);
  const outBatch = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    // A missing leading batch dim is 1 (right-aligned broadcasting), not an attribute default.
    const da = aBatch[i - (rank - aBatch.length)] ?? 1;
    const db = bBatch[i - (rank - bBatch.length)] ?? 1;
    outBatch[i] = da === 1 ? db : da;
  }
  const scale = (s: number[], by: number) => s.map((x) => x * by);
  return [m, k, n, rank, ...outBatch, ...scale(broadcastStrides(aBatch, outBatch), m * k), ...scale(broadcastStrides(bBatch, outBatch), k * n)];
};

// [M, K, N, transA, transB, alpha_bits, beta_bits, has_c, c_stride_m, c_stride_n]
export const gemm: Builder = (c) => {
  const a = need(c, 0);
  const transA = c.attr<number>('transA') ? 1 : 0;
  const transB = c.attr<number>('transB') ? 1 : 0;
  const [m, n] = c.outputs[0]!;
  const k = transA ? a[0]! : a[1]!;
  const cs = c.inputs[2];
  const [sm, sn] = cs ? broadcastStrides(cs, [m!, n!]) : [0, 0];
  return [m!, k, n!, transA, transB, floatBits(c.attr<number>('alpha')), floatBits(c.attr<number>('beta')), cs ? 1 : 0, sm!, sn!];
};
