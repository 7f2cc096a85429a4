import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { registerKernel } from '../kernel';
import { forEachAxisSlice, softmaxView } from '../util/reduce';
import { numericInput } from '../util/unary';

// 1 at the first maximum along the axis, 0 elsewhere.
export default registerKernel('Hardmax', (inputs, ctx) => {
  const input = numericInput(inputs, 0, ctx);
  const view = softmaxView(input, ctx);
  const x = toNumbers(input);
  const y = new Float64Array(x.length);
  const n = view.axisLen;
  forEachAxisSlice(view, (base, stride) => {
    let best = 0;
    for (let k = 1; k < n; k++) if (x[base + k * stride]! > x[base + best * stride]!) best = k;
    if (n > 0) y[base + best * stride] = 1;
  });
  return [fromNumbers(input.dtype, input.dims, y)];
});
