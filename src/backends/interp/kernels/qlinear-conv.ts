import { nodeError } from '../../../ir/node-error';
import { fromNumbers, sizeOf, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { centeredBroadcast, integerConv, quantOutput, roundHalfEven, saturate } from '../util/quant';

// y = saturate(round((Conv(x - x_zp, w - w_zp) + B) · x_scale·w_scale[m] / y_scale) + y_zp): the multiplier in
// float32, the product in double; rounded (half to even) before adding y_zp, as QuantizeLinear and onnxruntime do. w's scale/zero point are a scalar or per output
// channel; padding reads as x_zero_point.
export default defineKernel('QLinearConv', (inputs, ctx) => {
  const [x, xScale, xZp, w, wScale, wZp, yScale, yZp] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => tensorInput(inputs, i, ctx));
  const bias = optionalInput(inputs, 8);
  const out = quantOutput(yZp!, ctx);
  const m = w!.dims[0]!;
  const perChannel = (t: typeof w) => (t!.size > 1 ? [t!.size, ...new Array<number>(w!.rank - 1).fill(1)] : []);
  const xv = centeredBroadcast(x!, xZp, xZp!.size === 1 ? [] : xZp!.dims, ctx, 'x_zero_point');
  const wv = centeredBroadcast(w!, wZp, perChannel(wZp), ctx, 'w_zero_point');
  const { y, dims } = integerConv(xv, x!.dims, wv, w!.dims, ctx);
  const ws = toNumbers(wScale!);
  if (xScale!.size !== 1 || yScale!.size !== 1 || (ws.length !== 1 && ws.length !== m)) {
    throw nodeError(ctx.node, 'E_SHAPE', `x_scale and y_scale must be scalars and w_scale scalar or [${m}]; ` +
      `got [${xScale!.dims}], [${yScale!.dims}], [${wScale!.dims}]`);
  }
  if (bias && (bias.rank !== 1 || bias.dims[0] !== m)) throw nodeError(ctx.node, 'E_SHAPE', `B must be [${m}], got [${bias.dims}]`);
  const bv = bias ? toNumbers(bias) : undefined;
  const xs = toNumbers(xScale!)[0]!;
  const ys = toNumbers(yScale!)[0]!;
  const f32 = xScale!.dtype === 'float32';
  const round = (v: number) => (f32 ? Math.fround(v) : v);
  const outSize = sizeOf(dims.slice(2));
  for (let i = 0; i < y.length; i++) {
    const oc = Math.floor(i / outSize) % m;
    const mult = round(round(xs * ws[ws.length === 1 ? 0 : oc]!) / ys);
    y[i] = saturate(roundHalfEven((y[i]! + (bv ? bv[oc]! : 0)) * mult) + out.zp, out.lo, out.hi);
  }
  return [fromNumbers(out.dtype, dims, y)];
});
