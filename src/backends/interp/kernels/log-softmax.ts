import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { registerKernel } from '../kernel';
import { forEachAxisSlice, softmaxView } from '../util/reduce';
import { numericInput } from '../util/unary';

// x - max - log(sum(exp(x - max))) along the axis.
export default registerKernel('LogSoftmax', (inputs, ctx) => {
  const input = numericInput(inputs, 0, ctx);
  const view = softmaxView(input, ctx);
  const x = toNumbers(input);
  const y = new Float64Array(x.length);
  const n = view.axisLen;
  forEachAxisSlice(view, (base, stride) => {
    let m = -Infinity;
    for (let k = 0; k < n; k++) m = Math.max(m, x[base + k * stride]!);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += Math.exp(x[base + k * stride]! - m);
    const logSum = Math.log(sum);
    for (let k = 0; k < n; k++) y[base + k * stride] = x[base + k * stride]! - m - logSum;
  });
  return [fromNumbers(input.dtype, input.dims, y)];
});
