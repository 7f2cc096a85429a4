import { fromNumbers, sizeOf, toNumbers } from '../../../ir/tensor';
import { registerKernel, tensorInput } from '../kernel';
import { checkPoolInput } from '../util/pool';

// (Σ |x|^p)^(1/p) over all spatial positions of each (N, C) plane.
export default registerKernel('GlobalLpPool', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  checkPoolInput(x, 'GlobalLpPool', ctx.node.name);
  // GlobalLpPool-1 stored p as a float attribute, later versions as an int (the schema allows both).
  const p = ctx.attr<number>('p');
  const planes = x.dims[0]! * x.dims[1]!;
  const size = sizeOf(x.dims.slice(2));
  const xv = toNumbers(x);
  const y = new Float64Array(planes);
  for (let q = 0; q < planes; q++) {
    let sum = 0;
    for (let i = q * size; i < (q + 1) * size; i++) sum += Math.abs(xv[i]!) ** p;
    y[q] = sum ** (1 / p);
  }
  return [fromNumbers(x.dtype, [x.dims[0]!, x.dims[1]!, ...x.dims.slice(2).map(() => 1)], y)];
});
