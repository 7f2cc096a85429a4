import { nodeError } from '../../../ir/node-error';
import { fromNumbers, Tensor, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { roundHalfEven, saturate } from '../util/quant';

// The spec's float32 formula, step by step (Math.fround after every float32 operation):
//   scale = (max(0, max x) - min(0, min x)) / 255;  zp = saturate(round(0 - min / scale));
//   y = saturate(round(x / scale) + zp).
// An all-zero x gives scale 0; then zp and y are 0 (the formula would divide 0 by 0).
export default defineKernel('DynamicQuantizeLinear', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  if (x.dtype !== 'float32') throw nodeError(ctx.node, 'E_DTYPE', `x must be float32, got ${x.dtype}`);
  const xv = toNumbers(x);
  let min = 0;
  let max = 0;
  for (let i = 0; i < xv.length; i++) {
    const v = xv[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = Math.fround(Math.fround(max - min) / 255);
  const zp = scale === 0 ? 0 : saturate(roundHalfEven(Math.fround(0 - Math.fround(min / scale))), 0, 255);
  const y = new Float64Array(xv.length);
  if (scale !== 0) {
    for (let i = 0; i < xv.length; i++) y[i] = saturate(roundHalfEven(Math.fround(xv[i]! / scale)) + zp, 0, 255);
  }
  return [fromNumbers('uint8', x.dims, y), new Tensor('float32', [], Float32Array.of(scale)), new Tensor('uint8', [], Uint8Array.of(zp))];
});
