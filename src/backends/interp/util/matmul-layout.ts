import type { NodeRef } from '../../../ir/node-label';
import { sizeOf } from '../../../ir/tensor';
import { matmulDims } from '../../../ops/matmul';
import { broadcastIndex } from './broadcast';
import { gemm, type FloatArray } from './gemm';

/** numpy.matmul of A and B seen as `batch` (broadcast) pairs of [m, k] @ [k, n] matrices. */
interface MatMulLayout {
  /** Output dims (1-D operands' unit dims dropped, as numpy does). */
  dims: number[];
  m: number;
  k: number;
  n: number;
  batch: number;
  /** For batch entry i, the matrix of A (of B) it reads; null when that is i itself. */
  aIdx: Int32Array | null;
  bIdx: Int32Array | null;
}

/** The matmul layout of A [aShape] @ B [bShape]; `where` (" node 'x'") names the node in shape errors. */
export function matmulLayout(aShape: readonly number[], bShape: readonly number[], node: NodeRef): MatMulLayout {
  const dims = matmulDims([...aShape], [...bShape], node) as number[];
  const aDims = aShape.length === 1 ? [1, aShape[0]!] : [...aShape];
  const bDims = bShape.length === 1 ? [bShape[0]!, 1] : [...bShape];
  const m = aDims[aDims.length - 2]!;
  const k = aDims[aDims.length - 1]!;
  const n = bDims[bDims.length - 1]!;
  const batchDims = dims.slice(0, dims.length - (aShape.length > 1 ? 1 : 0) - (bShape.length > 1 ? 1 : 0));
  const aIdx = broadcastIndex(aDims.slice(0, -2), batchDims);
  const bIdx = broadcastIndex(bDims.slice(0, -2), batchDims);
  return { dims, m, k, n, batch: sizeOf(batchDims), aIdx, bIdx };
}

/** c = A @ B for every batch entry of the layout (c holds batch·m·n elements), one blocked gemm each. */
export function runMatMul(l: MatMulLayout, av: ArrayLike<number>, bv: ArrayLike<number>, c: FloatArray): void {
  const { m, k, n } = l;
  for (let i = 0; i < l.batch; i++) {
    const ai = l.aIdx ? l.aIdx[i]! : i;
    const bi = l.bIdx ? l.bIdx[i]! : i;
    gemm({ m, n, k, a: av, aOffset: ai * m * k, b: bv, bOffset: bi * k * n, c, cOffset: i * m * n });
  }
}
