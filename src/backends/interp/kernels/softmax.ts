import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { registerKernel } from '../kernel';
import { forEachAxisSlice, softmaxView } from '../util/reduce';
import { numericInput } from '../util/unary';

// exp(x - max) / sum(exp(x - max)) along the axis; subtracting the max keeps exp from overflowing.
export default registerKernel('Softmax', (inputs, ctx) => {
  const input = numericInput(inputs, 0, ctx);
  const view = softmaxView(input, ctx);
  const x = toNumbers(input);
  const y = new Float64Array(x.length);
  const n = view.axisLen;
  forEachAxisSlice(view, (base, stride) => {
    let m = -Infinity;
    for (let k = 0; k < n; k++) m = Math.max(m, x[base + k * stride]!);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += y[base + k * stride] = Math.exp(x[base + k * stride]! - m);
    for (let k = 0; k < n; k++) y[base + k * stride]! /= sum;
  });
  return [fromNumbers(input.dtype, input.dims, y)];
});
