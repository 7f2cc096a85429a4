import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { centeredBroadcast, integerMatMul, quantOutput, roundHalfEven, saturate } from '../util/quant';

// y = saturate(round((a - a_zp) @ (b - b_zp) · a_scale·b_scale / y_scale) + y_zp): the multiplier in the scales'
// float32, the product in double; rounded (half to even) before adding y_zp, as QuantizeLinear and onnxruntime do. a's scale/zero point are a scalar or per row,
// b's a scalar or per column, y's a scalar.
export default defineKernel('QLinearMatMul', (inputs, ctx) => {
  const [a, aScale, aZp, b, bScale, bZp, yScale, yZp] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => tensorInput(inputs, i, ctx));
  const out = quantOutput(yZp!, ctx);
  const rowsOf = (t: typeof a) => (t!.rank === 1 && t!.size > 1 ? [t!.dims[0]!, 1] : t!.dims);
  const av = centeredBroadcast(a!, aZp, rowsOf(aZp), ctx, 'a_zero_point');
  const bv = centeredBroadcast(b!, bZp, bZp!.dims, ctx, 'b_zero_point');
  const { y, dims, m, n } = integerMatMul(av, a!.dims, bv, b!.dims, ctx);
  const as = toNumbers(aScale!);
  const bs = toNumbers(bScale!);
  const ys = toNumbers(yScale!)[0]!;
  if ((as.length !== 1 && as.length !== m) || (bs.length !== 1 && bs.length !== n) || yScale!.size !== 1) {
    throw nodeError(ctx.node, 'E_SHAPE', `scales must be scalars, per row of a (${m}) or per column of b (${n}); ` +
      `got a_scale [${aScale!.dims}], b_scale [${bScale!.dims}], y_scale [${yScale!.dims}]`);
  }
  const f32 = aScale!.dtype === 'float32';
  const round = (v: number) => (f32 ? Math.fround(v) : v);
  for (let i = 0; i < y.length; i++) {
    const col = i % n;
    const row = Math.floor(i / n) % m;
    const mult = round(round(as[as.length === 1 ? 0 : row]! * bs[bs.length === 1 ? 0 : col]!) / ys);
    y[i] = saturate(roundHalfEven(y[i]! * mult) + out.zp, out.lo, out.hi);
  }
  return [fromNumbers(out.dtype, dims, y)];
});
