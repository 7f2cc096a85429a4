import { fromNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { centeredBroadcast, integerMatMul } from '../util/quant';

// Y = (A - a_zero_point) @ (B - b_zero_point) in int32. a_zero_point is a scalar or per row (a 1-D [M] is read
// as [M, 1]; N-D as [..., M, 1]); b_zero_point a scalar or per column ([N] or [..., 1, N]), so both broadcast.
export default defineKernel('MatMulInteger', (inputs, ctx) => {
  const a = tensorInput(inputs, 0, ctx);
  const b = tensorInput(inputs, 1, ctx);
  const azp = optionalInput(inputs, 2);
  const bzp = optionalInput(inputs, 3);
  const azpDims = azp && azp.rank === 1 && azp.size > 1 ? [azp.dims[0]!, 1] : (azp?.dims ?? []);
  const av = centeredBroadcast(a, azp, azpDims, ctx, 'a_zero_point');
  const bv = centeredBroadcast(b, bzp, bzp?.dims ?? [], ctx, 'b_zero_point');
  const { y, dims } = integerMatMul(av, a.dims, bv, b.dims, ctx);
  return [fromNumbers('int32', dims, y)];
});
