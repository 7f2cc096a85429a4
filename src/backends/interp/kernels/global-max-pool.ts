import { fromNumbers, sizeOf, toNumbers } from '../../../ir/tensor';
import { registerKernel, tensorInput } from '../kernel';
import { checkPoolInput } from '../util/pool';

// Max over all spatial positions of each (N, C) plane.
export default registerKernel('GlobalMaxPool', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  checkPoolInput(x, 'GlobalMaxPool', ctx.node.name);
  const planes = x.dims[0]! * x.dims[1]!;
  const size = sizeOf(x.dims.slice(2));
  const xv = toNumbers(x);
  const y = new Float64Array(planes);
  for (let p = 0; p < planes; p++) {
    let best = -Infinity;
    for (let i = p * size; i < (p + 1) * size; i++) if (xv[i]! > best || Number.isNaN(xv[i]!)) best = xv[i]!;
    y[p] = best;
  }
  return [fromNumbers(x.dtype, [x.dims[0]!, x.dims[1]!, ...x.dims.slice(2).map(() => 1)], y)];
});
