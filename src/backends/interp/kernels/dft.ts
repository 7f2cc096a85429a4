import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { fromNumbers, sizeOf, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { dft } from '../util/signal';

// For every line along `axis`: take the complex signal (imaginary 0 for real input), zero-pad or truncate it to
// dft_length, transform in float64 (1/n-scaled when inverse), keep the first n/2+1 bins when onesided.
export default defineKernel('DFT', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const lenT = optionalInput(inputs, 1);
  const axisT = ctx.opset >= 20 ? optionalInput(inputs, 2) : undefined;
  const rank = x.rank;
  const last = x.dims[rank - 1];
  if (rank < 2 || (last !== 1 && last !== 2)) {
    throw nodeError(ctx.node, 'E_SHAPE', `input [${x.dims}] must end in 1 (real) or 2 (complex)`);
  }
  const axisRaw = ctx.opset >= 20 ? (axisT ? Number(toNumbers(axisT)[0]) : -2) : ctx.attr<number>('axis');
  const axis = normalizeAxis(axisRaw, rank, ctx.node);
  // The last axis holds the real/imaginary parts, not signal samples.
  if (axis === rank - 1) throw nodeError(ctx.node, 'E_ATTR', `axis ${axisRaw} must name a signal axis of [${x.dims}]`);
  const inverse = ctx.attr<number>('inverse') !== 0;
  const onesided = ctx.attr<number>('onesided') !== 0;
  if (inverse && onesided) {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', 'inverse with onesided is not supported', 'pass the full spectrum with onesided = 0');
  }
  const nIn = x.dims[axis]!;
  const n = lenT ? Number(toNumbers(lenT)[0]) : nIn;
  if (!Number.isInteger(n) || n < 1) throw nodeError(ctx.node, 'E_INPUT', `dft_length must be a positive integer, got ${n}`);
  const bins = onesided ? Math.floor(n / 2) + 1 : n;
  const outer = sizeOf(x.dims.slice(0, axis));
  const inner = sizeOf(x.dims.slice(axis + 1, rank - 1));
  const xv = toNumbers(x);
  const out = new Float64Array(outer * bins * inner * 2);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const take = Math.min(n, nIn);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      re.fill(0);
      im.fill(0);
      for (let k = 0; k < take; k++) {
        const src = ((o * nIn + k) * inner + i) * last;
        re[k] = xv[src]!;
        if (last === 2) im[k] = xv[src + 1]!;
      }
      dft(re, im, inverse);
      for (let k = 0; k < bins; k++) {
        const dst = ((o * bins + k) * inner + i) * 2;
        out[dst] = re[k]!;
        out[dst + 1] = im[k]!;
      }
    }
  }
  const dims = x.dims.slice();
  dims[axis] = bins;
  dims[rank - 1] = 2;
  return [fromNumbers(x.dtype, dims, out)];
});
