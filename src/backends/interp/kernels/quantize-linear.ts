import { dtypeFromOnnx } from '../../../ir/dtype-codes';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { intRange, linearQuantIndex, paramValues, roundHalfEven, saturate } from '../util/quant';

// y = saturate(round_half_even(x / y_scale) + y_zero_point). Output dtype: the zero point's, else output_dtype
// (opset 21), else uint8. The division is done in float32 when the scale is float32, as the reference does.
export default defineKernel('QuantizeLinear', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const scale = tensorInput(inputs, 1, ctx);
  const zp = optionalInput(inputs, 2);
  const code = ctx.opset >= 21 ? ctx.attr<number>('output_dtype') : 0;
  const declared = code ? dtypeFromOnnx(code, nodeLabel(ctx.node)) : undefined;
  if (zp && declared && zp.dtype !== declared) {
    throw nodeError(ctx.node, 'E_DTYPE', `y_zero_point is ${zp.dtype} but output_dtype is ${declared}`);
  }
  const outType = zp?.dtype ?? declared ?? 'uint8';
  const [lo, hi] = intRange(outType, ctx);
  const { at, zpAt } = linearQuantIndex(x, scale, zp, 'y', ctx);
  const xv = toNumbers(x);
  const sv = toNumbers(scale);
  const zv = paramValues(zp);
  const f32 = scale.dtype === 'float32';
  const out = new Float64Array(xv.length);
  for (let i = 0; i < xv.length; i++) {
    const q = xv[i]! / sv[at(i)]!;
    out[i] = saturate(roundHalfEven(f32 ? Math.fround(q) : q) + zv[zpAt(i)]!, lo, hi);
  }
  return [fromNumbers(outType, x.dims, out)];
});
