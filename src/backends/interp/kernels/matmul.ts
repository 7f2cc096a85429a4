import { HoduError } from '../../../errors';
import { fromNumbers, sizeOf, Tensor, toNumbers } from '../../../ir/tensor';
import { matmulDims } from '../../../ops/matmul';
import { registerKernel, tensorInput } from '../kernel';
import { broadcastIndex } from '../util/broadcast';
import { gemm, gemmOutput } from '../util/gemm';

// Y = A @ B with numpy.matmul semantics: one blocked gemm per (broadcast) batch entry.
export default registerKernel('MatMul', (inputs, ctx) => {
  const a = tensorInput(inputs, 0, ctx);
  const b = tensorInput(inputs, 1, ctx);
  if (a.dtype !== b.dtype) {
    throw new HoduError('E_DTYPE', `MatMul node '${ctx.node.name}': A is ${a.dtype} but B is ${b.dtype}`);
  }
  const outDims = matmulDims([...a.dims], [...b.dims], ` node '${ctx.node.name}'`) as number[];
  const aDims = a.rank === 1 ? [1, a.dims[0]!] : [...a.dims];
  const bDims = b.rank === 1 ? [b.dims[0]!, 1] : [...b.dims];
  const m = aDims[aDims.length - 2]!;
  const k = aDims[aDims.length - 1]!;
  const n = bDims[bDims.length - 1]!;
  const batchDims = outDims.slice(0, outDims.length - (a.rank > 1 ? 1 : 0) - (b.rank > 1 ? 1 : 0));
  const batch = sizeOf(batchDims);
  const aIdx = broadcastIndex(aDims.slice(0, -2), batchDims);
  const bIdx = broadcastIndex(bDims.slice(0, -2), batchDims);
  const av = toNumbers(a);
  const bv = toNumbers(b);
  const out = gemmOutput(a.dtype, batch * m * n);
  for (let i = 0; i < batch; i++) {
    const ai = aIdx ? aIdx[i]! : i;
    const bi = bIdx ? bIdx[i]! : i;
    gemm({ m, n, k, a: av, aOffset: ai * m * k, b: bv, bOffset: bi * k * n, c: out, cOffset: i * m * n });
  }
  if (a.dtype === 'float32' || a.dtype === 'float64') return [new Tensor(a.dtype, outDims, out)];
  return [fromNumbers(a.dtype, outDims, out)];
});
