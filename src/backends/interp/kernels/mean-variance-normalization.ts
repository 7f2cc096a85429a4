import { normalizeAxis } from '../../../ir/axis';
import { fromNumbers, stridesOf, toNumbers } from '../../../ir/tensor';
import { defineKernel } from '../kernel';
import { unravel } from '../util/indexing';
import { numericInput } from '../util/unary';

export default defineKernel('MeanVarianceNormalization', (inputs, ctx) => {
  const x = numericInput(inputs, 0, ctx);
  const axes = new Set(ctx.attr<number[]>('axes').map((a) => normalizeAxis(a, x.rank, ctx.node, 'axes entry')));
  // Each element belongs to the group given by its coordinates on the kept (non-reduced) axes.
  const keptDims = x.dims.map((d, a) => (axes.has(a) ? 1 : d));
  const keptStrides = stridesOf(keptDims);
  const groups = keptDims.reduce((a, d) => a * d, 1);
  const groupOf = new Int32Array(x.size);
  const coord = new Array<number>(x.rank).fill(0);
  for (let i = 0; i < x.size; i++) {
    unravel(i, x.dims, coord);
    let g = 0;
    for (let a = 0; a < x.rank; a++) if (!axes.has(a)) g += coord[a]! * keptStrides[a]!;
    groupOf[i] = g;
  }
  const v = toNumbers(x);
  const sum = new Float64Array(groups);
  const sumSq = new Float64Array(groups);
  for (let i = 0; i < x.size; i++) {
    sum[groupOf[i]!] += v[i]!;
    sumSq[groupOf[i]!] += v[i]! * v[i]!;
  }
  const perGroup = groups === 0 ? 0 : x.size / groups;
  const y = new Float64Array(x.size);
  for (let i = 0; i < x.size; i++) {
    const g = groupOf[i]!;
    const mean = sum[g]! / perGroup;
    const std = Math.sqrt(sumSq[g]! / perGroup - mean * mean);
    y[i] = (v[i]! - mean) / (std + 1e-9);
  }
  return [fromNumbers(x.dtype, x.dims, y)];
});
