import { fromNumbers, sizeOf, toNumbers } from '../../../ir/tensor';
import { poolWindow } from '../../../ops/_pool';
import { registerKernel, tensorInput } from '../kernel';
import { checkPoolInput, poolWindows } from '../util/pool';

// Y = (Σ |x|^p)^(1/p) over each window; padding contributes zero.
export default registerKernel('LpPool', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  checkPoolInput(x, 'LpPool', ctx.node.name);
  // LpPool-1 stored p as a float attribute, later versions as an int (the schema allows both).
  const p = ctx.attr<number>('p');
  const spatial = x.dims.slice(2);
  const win = poolWindow(spatial, ctx.attr, `LpPool node '${ctx.node.name}'`);
  const { outDims, starts, offsets } = poolWindows(spatial, win);
  const planes = x.dims[0]! * x.dims[1]!;
  const inSize = sizeOf(spatial);
  const outSize = sizeOf(outDims);
  const xv = toNumbers(x);
  const y = new Float64Array(planes * outSize);
  for (let q = 0; q < planes; q++) {
    const base = q * inSize;
    for (let o = 0; o < outSize; o++) {
      let sum = 0;
      for (let j = starts[o]!; j < starts[o + 1]!; j++) sum += Math.abs(xv[base + offsets[j]!]!) ** p;
      y[q * outSize + o] = sum ** (1 / p);
    }
  }
  return [fromNumbers(x.dtype, [x.dims[0]!, x.dims[1]!, ...outDims], y)];
});
