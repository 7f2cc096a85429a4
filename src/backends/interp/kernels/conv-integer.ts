import { fromNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { centeredBroadcast, integerConv } from '../util/quant';

// y = Conv(x - x_zero_point, w - w_zero_point) in int32. Padding reads as the zero point (0 once centred), as in
// onnxruntime; w_zero_point is a scalar or one per output channel ([M], read as [M, 1, ...]).
export default defineKernel('ConvInteger', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const w = tensorInput(inputs, 1, ctx);
  const xzp = optionalInput(inputs, 2);
  const wzp = optionalInput(inputs, 3);
  const xv = centeredBroadcast(x, xzp, xzp && xzp.size === 1 ? [] : (xzp?.dims ?? []), ctx, 'x_zero_point');
  const perChannel = wzp && wzp.size > 1 ? [wzp.size, ...new Array<number>(w.rank - 1).fill(1)] : [];
  const wv = centeredBroadcast(w, wzp, perChannel, ctx, 'w_zero_point');
  const { y, dims } = integerConv(xv, x.dims, wv, w.dims, ctx);
  return [fromNumbers('int32', dims, y)];
});
