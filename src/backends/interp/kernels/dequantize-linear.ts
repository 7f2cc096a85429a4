import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { linearQuantIndex, paramValues } from '../util/quant';

// y = (x - x_zero_point) · x_scale, in the scale's dtype. int32 x (bias-like values) has no zero point.
export default defineKernel('DequantizeLinear', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const scale = tensorInput(inputs, 1, ctx);
  const zp = optionalInput(inputs, 2);
  if (!['uint8', 'int8', 'uint16', 'int16', 'int32'].includes(x.dtype)) {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_DTYPE', `cannot dequantize ${x.dtype}`, 'expected uint8, int8, uint16, int16 or int32');
  }
  if (zp && zp.dtype !== x.dtype) throw nodeError(ctx.node, 'E_DTYPE', `x is ${x.dtype} but x_zero_point is ${zp.dtype}`);
  const { at, zpAt } = linearQuantIndex(x, scale, zp, 'x', ctx);
  const xv = toNumbers(x);
  const sv = toNumbers(scale);
  const zv = paramValues(zp);
  const out = new Float64Array(xv.length);
  for (let i = 0; i < xv.length; i++) out[i] = (xv[i]! - zv[zpAt(i)]!) * sv[at(i)]!;
  return [fromNumbers(scale.dtype, x.dims, out)];
});
