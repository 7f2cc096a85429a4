import { nodeError } from '../../../ir/node-error';
import { fromNumbers, Tensor, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { gemmOutput } from '../util/gemm';
import { matmulLayout, runMatMul } from '../util/matmul-layout';

// Y = A @ B with numpy.matmul semantics: one blocked gemm per (broadcast) batch entry.
export default defineKernel('MatMul', (inputs, ctx) => {
  const a = tensorInput(inputs, 0, ctx);
  const b = tensorInput(inputs, 1, ctx);
  if (a.dtype !== b.dtype) {
    throw nodeError(ctx.node, 'E_DTYPE', `A is ${a.dtype} but B is ${b.dtype}`);
  }
  const layout = matmulLayout(a.dims, b.dims, ctx.node);
  const av = toNumbers(a);
  const bv = toNumbers(b);
  const out = gemmOutput(a.dtype, layout.batch * layout.m * layout.n);
  runMatMul(layout, av, bv, out);
  const outDims = layout.dims;
  if (a.dtype === 'float32' || a.dtype === 'float64') return [new Tensor(a.dtype, outDims, out)];
  return [fromNumbers(a.dtype, outDims, out)];
});
