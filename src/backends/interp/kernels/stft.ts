import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { dft } from '../util/signal';

// Frame f covers signal[f·frame_step, f·frame_step + frame_length), multiplied by the window (all ones when
// absent), then DFT'd in float64; onesided keeps the first frame_length/2+1 bins.
export default defineKernel('STFT', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const step = Number(toNumbers(tensorInput(inputs, 1, ctx))[0]);
  const window = optionalInput(inputs, 2);
  const lenT = optionalInput(inputs, 3);
  if (x.rank !== 3 || (x.dims[2] !== 1 && x.dims[2] !== 2)) {
    throw nodeError(ctx.node, 'E_SHAPE', `signal [${x.dims}] must be [batch, length, 1 or 2]`);
  }
  const frameLength = lenT ? Number(toNumbers(lenT)[0]) : window?.dims[0];
  if (frameLength === undefined) throw nodeError(ctx.node, 'E_INPUT', 'needs a window or a frame_length');
  if (window && (window.rank !== 1 || window.dims[0] !== frameLength)) {
    throw nodeError(ctx.node, 'E_SHAPE', `window [${window.dims}] must be [frame_length = ${frameLength}]`);
  }
  const [batch, length, comps] = x.dims as [number, number, number];
  if (!(step >= 1) || !(frameLength >= 1) || frameLength > length) {
    throw nodeError(ctx.node, 'E_INPUT', `need frame_step >= 1 and 1 <= frame_length <= ${length}, got ${step} and ${frameLength}`);
  }
  const onesided = ctx.attr<number>('onesided') !== 0;
  if (onesided && comps === 2) throw nodeError(ctx.node, 'E_INPUT', 'onesided needs a real signal (last dim 1)');
  const frames = Math.floor((length - frameLength) / step) + 1;
  const bins = onesided ? Math.floor(frameLength / 2) + 1 : frameLength;
  const xv = toNumbers(x);
  const wv = window ? toNumbers(window) : undefined;
  const out = new Float64Array(batch * frames * bins * 2);
  const re = new Float64Array(frameLength);
  const im = new Float64Array(frameLength);
  for (let b = 0; b < batch; b++) {
    for (let f = 0; f < frames; f++) {
      for (let k = 0; k < frameLength; k++) {
        const src = (b * length + f * step + k) * comps;
        const w = wv ? wv[k]! : 1;
        re[k] = xv[src]! * w;
        im[k] = comps === 2 ? xv[src + 1]! * w : 0;
      }
      dft(re, im, false);
      for (let k = 0; k < bins; k++) {
        const dst = ((b * frames + f) * bins + k) * 2;
        out[dst] = re[k]!;
        out[dst + 1] = im[k]!;
      }
    }
  }
  return [fromNumbers(x.dtype, [batch, frames, bins, 2], out)];
});
