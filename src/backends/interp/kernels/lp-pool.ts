import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { checkPoolInput, planPool } from '../util/pool';

// Y = (Σ |x|^p)^(1/p) over each window; padding contributes zero.
export default defineKernel('LpPool', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  checkPoolInput(x, ctx.node);
  // LpPool-1 stored p as a float attribute, later versions as an int (the schema allows both).
  const p = ctx.attr<number>('p');
  const { starts, offsets, planes, inSize, outSize, yDims } = planPool(x, ctx);
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
  return [fromNumbers(x.dtype, yDims, y)];
});
