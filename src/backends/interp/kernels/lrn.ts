import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel } from '../kernel';
import { numericInput } from '../util/unary';

export default defineKernel('LRN', (inputs, ctx) => {
  const x = numericInput(inputs, 0, ctx);
  const size = ctx.attr<number>('size');
  if (x.rank < 2 || !(size >= 1)) {
    throw nodeError(ctx.node, 'E_SHAPE', `needs X of rank >= 2 [N, C, ...] and size >= 1, got [${x.dims.join(',')}] and size ${size}`);
  }
  const alpha = ctx.attr<number>('alpha');
  const beta = ctx.attr<number>('beta');
  const bias = ctx.attr<number>('bias');
  const [n, c] = x.dims as [number, number];
  const inner = x.size / Math.max(n * c, 1);
  const before = Math.floor((size - 1) / 2);
  const after = Math.ceil((size - 1) / 2);
  const v = toNumbers(x);
  const y = new Float64Array(x.size);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const lo = Math.max(0, ch - before);
      const hi = Math.min(c - 1, ch + after);
      for (let i = 0; i < inner; i++) {
        let sq = 0;
        for (let k = lo; k <= hi; k++) {
          const e = v[(b * c + k) * inner + i]!;
          sq += e * e;
        }
        const at = (b * c + ch) * inner + i;
        y[at] = v[at]! / Math.pow(bias + (alpha / size) * sq, beta);
      }
    }
  }
  return [fromNumbers(x.dtype, x.dims, y)];
});
