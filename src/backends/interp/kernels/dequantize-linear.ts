import { HoduError } from '../../../errors';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { optionalInput, registerKernel, tensorInput } from '../kernel';
import { nodeLabel } from '../util/indexing';
import { paramIndex, paramValues } from '../util/quant';

// y = (x - x_zero_point) · x_scale, in the scale's dtype. int32 x (bias-like values) has no zero point.
export default registerKernel('DequantizeLinear', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const scale = tensorInput(inputs, 1, ctx);
  const zp = optionalInput(inputs, 2);
  if (!['uint8', 'int8', 'uint16', 'int16', 'int32'].includes(x.dtype)) {
    throw new HoduError('E_UNSUPPORTED_DTYPE', `${nodeLabel(ctx)}: cannot dequantize ${x.dtype}`, { hint: 'expected uint8, int8, uint16, int16 or int32' });
  }
  if (zp && zp.dtype !== x.dtype) throw new HoduError('E_DTYPE', `${nodeLabel(ctx)}: x is ${x.dtype} but x_zero_point is ${zp.dtype}`);
  const axis = ctx.opset >= 13 ? ctx.attr<number>('axis') : 1;
  const block = ctx.opset >= 21 ? ctx.attr<number>('block_size') : 0;
  if (ctx.opset < 13 && scale.size !== 1) {
    throw new HoduError('E_SHAPE', `${nodeLabel(ctx)}: x_scale must be a scalar before opset 13, got [${scale.dims}]`);
  }
  const at = paramIndex(x, scale, axis, block, ctx);
  if (zp && zp.dims.join(',') !== scale.dims.join(',') && zp.size !== 1) {
    throw new HoduError('E_SHAPE', `${nodeLabel(ctx)}: x_zero_point [${zp.dims}] must match x_scale [${scale.dims}]`);
  }
  const zpAt = zp && zp.size !== 1 ? at : () => 0;
  const xv = toNumbers(x);
  const sv = toNumbers(scale);
  const zv = paramValues(zp);
  const out = new Float64Array(xv.length);
  for (let i = 0; i < xv.length; i++) out[i] = (xv[i]! - zv[zpAt(i)]!) * sv[at(i)]!;
  return [fromNumbers(scale.dtype, x.dims, out)];
});
