import { nodeError } from '../../../ir/node-error';
import { fromNumbers, Tensor, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { broadcastIndex } from '../util/broadcast';
import { gemm, gemmOutput } from '../util/gemm';

// Y = alpha · op(A) · op(B) + beta · C, C broadcast unidirectionally to [M, N].
export default defineKernel('Gemm', (inputs, ctx) => {
  const a = tensorInput(inputs, 0, ctx);
  const b = tensorInput(inputs, 1, ctx);
  const c = optionalInput(inputs, 2);
  if (a.rank !== 2 || b.rank !== 2) {
    throw nodeError(ctx.node, 'E_SHAPE', `A and B must be 2-D, got [${a.dims}] and [${b.dims}]`, 'flatten the operands first');
  }
  if (!c && ctx.opset < 11) throw nodeError(ctx.node, 'E_INPUT', 'input C is required before opset 11');
  const transA = ctx.attr<number>('transA') !== 0;
  const transB = ctx.attr<number>('transB') !== 0;
  const [m, k] = transA ? [a.dims[1]!, a.dims[0]!] : [a.dims[0]!, a.dims[1]!];
  const [kb, n] = transB ? [b.dims[1]!, b.dims[0]!] : [b.dims[0]!, b.dims[1]!];
  if (k !== kb) throw nodeError(ctx.node, 'E_SHAPE', `inner dimensions differ (op(A) is [${m},${k}], op(B) is [${kb},${n}])`);
  const out = gemmOutput(a.dtype, m * n);
  const beta = ctx.attr<number>('beta');
  if (c && beta !== 0) {
    // Before opset 7, C had to be exactly [M, N] unless broadcast=1.
    const exact = c.rank === 2 && c.dims[0] === m && c.dims[1] === n;
    if (ctx.opset < 7 && ctx.attr<number>('broadcast') === 0 && !exact) {
      throw nodeError(ctx.node, 'E_SHAPE', `C is [${c.dims}] but must be [${m},${n}] when broadcast=0 (opset ${ctx.opset})`);
    }
    const fits = c.rank <= 2 && c.dims.every((d, i) => d === 1 || d === [m, n][2 - c.rank + i]);
    if (!fits) throw nodeError(ctx.node, 'E_SHAPE', `C of shape [${c.dims}] cannot broadcast to [${m},${n}]`);
    const cv = toNumbers(c);
    const idx = broadcastIndex(c.dims, [m, n]);
    for (let i = 0; i < m * n; i++) out[i] = cv[idx ? idx[i]! : i]!;
  }
  gemm({ m, n, k, a: toNumbers(a), transA, b: toNumbers(b), transB, c: out, alpha: ctx.attr<number>('alpha'), beta: c ? beta : 0 });
  if (a.dtype === 'float32' || a.dtype === 'float64') return [new Tensor(a.dtype, [m, n], out)];
  return [fromNumbers(a.dtype, [m, n], out)];
});
