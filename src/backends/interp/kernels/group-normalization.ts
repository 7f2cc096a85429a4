import { nodeError } from '../../../ir/node-error';
import { fromNumbers, sizeOf, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { runStats } from '../util/norm';

// Channels split into num_groups groups; each (n, group) is normalized over its channels and spatial dims,
// then scaled per group (opset 18) or per channel (opset 21).
export default defineKernel('GroupNormalization', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const scale = tensorInput(inputs, 1, ctx);
  const bias = tensorInput(inputs, 2, ctx);
  const groups = ctx.attr<number>('num_groups');
  if (x.rank < 2) throw nodeError(ctx.node, 'E_SHAPE', `X must be [N, C, ...], got [${x.dims}]`);
  const channels = x.dims[1]!;
  if (groups < 1 || channels % groups !== 0) {
    throw nodeError(ctx.node, 'E_ATTR', `num_groups ${groups} does not divide C = ${channels}`);
  }
  const perChannel = ctx.opset >= 21;
  const want = perChannel ? channels : groups;
  if (scale.size !== want || bias.size !== want) {
    throw nodeError(ctx.node, 'E_SHAPE', `scale and bias need ${want} elements at opset ${ctx.opset}, got ${scale.size} and ${bias.size}`,
      perChannel ? 'opset 21 takes one scale per channel' : 'opset 18 takes one scale per group');
  }
  const eps = ctx.attr<number>('epsilon');
  const perGroup = channels / groups;
  const spatial = sizeOf(x.dims.slice(2));
  const span = perGroup * spatial;
  const xv = toNumbers(x);
  const s = toNumbers(scale);
  const b = toNumbers(bias);
  const y = new Float64Array(x.size);
  for (let ng = 0; ng < x.dims[0]! * groups; ng++) {
    const g = ng % groups;
    const off = ng * span;
    const { mean, inv } = runStats(xv, off, span, eps);
    for (let i = 0; i < span; i++) {
      const p = perChannel ? g * perGroup + Math.floor(i / spatial) : g;
      y[off + i] = (xv[off + i]! - mean) * inv * s[p]! + b[p]!;
    }
  }
  return [fromNumbers(x.dtype, x.dims, y)];
});
