import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { fromNumbers, sizeOf, toNumbers } from '../../../ir/tensor';
import { stashDType } from '../../../ops/layer-normalization';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { broadcastIndex, broadcastShape } from '../util/broadcast';
import { runStats } from '../util/norm';

// Y = (X − mean) · InvStdDev · Scale + B, statistics over the trailing dims from `axis` on;
// Scale and B broadcast (unidirectionally) to those trailing dims.
export default defineKernel('LayerNormalization', (inputs, ctx) => {
  const name = nodeLabel(ctx.node);
  const x = tensorInput(inputs, 0, ctx);
  const scale = tensorInput(inputs, 1, ctx);
  const bias = optionalInput(inputs, 2);
  const axis = normalizeAxis(ctx.attr<number>('axis'), x.rank, ctx.node);
  const normDims = x.dims.slice(axis);
  const inner = sizeOf(normDims);
  const outer = sizeOf(x.dims.slice(0, axis));
  const params = [scale, ...(bias ? [bias] : [])];
  for (const p of params) {
    const fits = p.rank <= normDims.length && broadcastShape([p.dims, normDims], ` in ${name}`).join(',') === normDims.join(',');
    if (!fits) throw nodeError(ctx.node, 'E_SHAPE', `[${p.dims}] does not broadcast to the normalized shape [${normDims}]`);
  }
  const sIdx = broadcastIndex(scale.dims, normDims);
  const bIdx = bias ? broadcastIndex(bias.dims, normDims) : null;
  const eps = ctx.attr<number>('epsilon');
  const xv = toNumbers(x);
  const s = toNumbers(scale);
  const b = bias ? toNumbers(bias) : undefined;
  const y = new Float64Array(x.size);
  const means = new Float64Array(outer);
  const invStd = new Float64Array(outer);
  for (let o = 0; o < outer; o++) {
    const off = o * inner;
    const { mean, inv } = runStats(xv, off, inner, eps);
    means[o] = mean;
    invStd[o] = inv;
    for (let i = 0; i < inner; i++) {
      const v = (xv[off + i]! - mean) * inv * s[sIdx ? sIdx[i]! : i]!;
      y[off + i] = b ? v + b[bIdx ? bIdx[i]! : i]! : v;
    }
  }
  const statDims = x.dims.map((d, i) => (i < axis ? d : 1));
  const statType = stashDType(ctx.attr<number>('stash_type'), x.dtype);
  return [fromNumbers(x.dtype, x.dims, y), fromNumbers(statType, statDims, means), fromNumbers(statType, statDims, invStd)];
});
