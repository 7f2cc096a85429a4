import { nodeError } from '../../../ir/node-error';
import { fromNumbers, sizeOf, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { runStats } from '../util/norm';

// y = scale[c] · (x − mean) / sqrt(var + epsilon) + B[c], statistics per (n, c) over the spatial dims.
export default defineKernel('InstanceNormalization', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const scale = tensorInput(inputs, 1, ctx);
  const bias = tensorInput(inputs, 2, ctx);
  if (x.rank < 3) throw nodeError(ctx.node, 'E_SHAPE', `input must be [N, C, D1, ...], got [${x.dims}]`);
  const channels = x.dims[1]!;
  if (scale.size !== channels || bias.size !== channels) {
    throw nodeError(ctx.node, 'E_SHAPE', `scale [${scale.dims}] and B [${bias.dims}] must have C = ${channels} elements`);
  }
  const eps = ctx.attr<number>('epsilon');
  const spatial = sizeOf(x.dims.slice(2));
  const xv = toNumbers(x);
  const s = toNumbers(scale);
  const b = toNumbers(bias);
  const y = new Float64Array(x.size);
  for (let plane = 0; plane < x.dims[0]! * channels; plane++) {
    const c = plane % channels;
    const off = plane * spatial;
    const { mean, inv } = runStats(xv, off, spatial, eps);
    for (let i = off; i < off + spatial; i++) y[i] = (xv[i]! - mean) * inv * s[c]! + b[c]!;
  }
  return [fromNumbers(x.dtype, x.dims, y)];
});
