import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { resizeTensor } from './resize';

// out = floor(in · scale) per axis, asymmetric coordinates (x / scale), legacy nearest rounding.
export default defineKernel('Upsample', (inputs, ctx) => {
  const where = nodeLabel(ctx.node);
  const x = tensorInput(inputs, 0, ctx);
  const input = optionalInput(inputs, 1);
  const scales = ctx.opset >= 9 && input ? Array.from(toNumbers(input), Number) : ctx.attr<number[] | undefined>('scales');
  if (!scales || scales.length !== x.rank) {
    throw nodeError(ctx.node, 'E_INPUT', `needs ${x.rank} scales, got ${scales ? `[${scales}]` : 'none'}`);
  }
  if (scales.some((s) => !(s >= 1))) throw nodeError(ctx.node, 'E_INPUT', `scales must be >= 1, got [${scales}]`);
  const mode = ctx.attr<string>('mode');
  return [resizeTensor(x, {
    where,
    mode: mode === 'bilinear' ? 'linear' : mode,
    coordMode: 'asymmetric',
    nearestMode: 'legacy',
    cubicA: -0.75,
    excludeOutside: false,
    extrapolation: 0,
    antialias: false,
    outDims: x.dims.map((d, i) => Math.floor(d * scales[i]!)),
    resized: x.dims.map((d, i) => d * scales[i]!),
    scales,
    roiStart: [],
    roiEnd: [],
  })];
});
