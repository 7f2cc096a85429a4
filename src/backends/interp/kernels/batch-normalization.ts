import { allocData } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { fromNumbers, sizeOf, Tensor, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';

// Y = (X − mean) / sqrt(var + epsilon) · scale + B, per channel (axis 1).
// With training_mode = 1 (opset ≥ 14) mean/var are the batch statistics (population variance over N and the
// spatial dims) and the running statistics are updated: running = input · momentum + batch · (1 − momentum).
export default defineKernel('BatchNormalization', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const [scale, bias, mean, variance] = [1, 2, 3, 4].map((i) => tensorInput(inputs, i, ctx));
  if (x.rank < 2) throw nodeError(ctx.node, 'E_SHAPE', `X must be [N, C, ...], got [${x.dims}]`);
  const batch = x.dims[0]!;
  const channels = x.dims[1]!;
  const spatial = sizeOf(x.dims.slice(2));
  // spatial = 0 (opset < 9) gives per-activation parameters of shape [C, D1, ...]; detect it by size.
  const paramSize = scale.size;
  const perActivation = paramSize === channels * spatial && paramSize !== channels;
  if (!perActivation && paramSize !== channels) {
    throw nodeError(ctx.node, 'E_SHAPE', `scale has ${paramSize} elements, expected C = ${channels}`);
  }
  for (const [label, p] of [['B', bias], ['mean', mean], ['var', variance]] as const) {
    if (p.size !== paramSize) throw nodeError(ctx.node, 'E_SHAPE', `${label} has ${p.size} elements, scale has ${paramSize}`);
  }
  const eps = ctx.attr<number>('epsilon');
  const training = ctx.opset >= 14 && ctx.attr<number>('training_mode') === 1;
  if (training && perActivation) throw nodeError(ctx.node, 'E_SHAPE', 'training_mode needs per-channel statistics');
  const xv = toNumbers(x);
  let m = toNumbers(mean);
  let v = toNumbers(variance);
  let runningMean: Float64Array | undefined;
  let runningVar: Float64Array | undefined;
  if (training) {
    const bm = new Float64Array(channels);
    const bv = new Float64Array(channels);
    const count = batch * spatial;
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let n = 0; n < batch; n++) for (let i = 0; i < spatial; i++) sum += xv[(n * channels + c) * spatial + i]!;
      bm[c] = sum / count;
      let sq = 0;
      for (let n = 0; n < batch; n++) {
        for (let i = 0; i < spatial; i++) sq += (xv[(n * channels + c) * spatial + i]! - bm[c]!) ** 2;
      }
      bv[c] = sq / count;
    }
    const momentum = ctx.attr<number>('momentum');
    runningMean = bm.map((b, c) => m[c]! * momentum + b * (1 - momentum));
    runningVar = bv.map((b, c) => v[c]! * momentum + b * (1 - momentum));
    m = bm;
    v = bv;
  }
  const s = toNumbers(scale);
  const b = toNumbers(bias);
  // Per parameter: y = (x − mean) · k + B with k = scale / sqrt(var + ε), computed once (in doubles) instead
  // of a square root per element.
  const k = new Float64Array(paramSize);
  for (let p = 0; p < paramSize; p++) k[p] = s[p]! / Math.sqrt(v[p]! + eps);
  // float32/float64 outputs are written straight into their storage; others are rounded by fromNumbers.
  const direct = x.dtype === 'float32' || x.dtype === 'float64';
  const y = direct ? (allocData(x.dtype, x.size) as Float32Array | Float64Array) : new Float64Array(x.size);
  for (let n = 0; n < batch; n++) {
    for (let c = 0; c < channels; c++) {
      const off = (n * channels + c) * spatial;
      if (perActivation) {
        for (let i = 0; i < spatial; i++) {
          const p = c * spatial + i;
          y[off + i] = (xv[off + i]! - m[p]!) * k[p]! + b[p]!;
        }
      } else {
        const mc = m[c]!;
        const kc = k[c]!;
        const bc = b[c]!;
        for (let i = 0; i < spatial; i++) y[off + i] = (xv[off + i]! - mc) * kc + bc;
      }
    }
  }
  const out = [direct ? new Tensor(x.dtype, x.dims, y) : fromNumbers(x.dtype, x.dims, y)];
  if (runningMean && runningVar) {
    out.push(fromNumbers(mean.dtype, mean.dims, runningMean), fromNumbers(variance.dtype, variance.dims, runningVar));
  } else {
    // Inference: the statistics pass through unchanged if a (legacy) model asks for them.
    out.push(mean, variance);
  }
  return out;
});
