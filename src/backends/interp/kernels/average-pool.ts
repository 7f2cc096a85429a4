import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { checkPoolInput, planPool } from '../util/pool';

// Y = mean over each window; the divisor counts padding only when count_include_pad = 1
// (and never the part of a ceil_mode window that lies beyond the explicit padding).
export default defineKernel('AveragePool', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  checkPoolInput(x, ctx.node);
  const { starts, offsets, padCounts, planes, inSize, outSize, yDims } = planPool(x, ctx);
  const includePad = ctx.attr<number>('count_include_pad') === 1;
  const xv = toNumbers(x);
  const y = new Float64Array(planes * outSize);
  for (let p = 0; p < planes; p++) {
    const base = p * inSize;
    for (let o = 0; o < outSize; o++) {
      let sum = 0;
      for (let j = starts[o]!; j < starts[o + 1]!; j++) sum += xv[base + offsets[j]!]!;
      const count = includePad ? padCounts[o]! : starts[o + 1]! - starts[o]!;
      y[p * outSize + o] = count > 0 ? sum / count : 0;
    }
  }
  return [fromNumbers(x.dtype, yDims, y)];
});
