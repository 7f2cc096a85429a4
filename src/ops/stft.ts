import { defineOp } from './schema';
import { FLOATS_BF16, INDEX } from './_types';

// STFT-17: signal [batch, length, 1 or 2] → [batch, frames, bins, 2], frames = (length - frame_length)/frame_step + 1.
export default defineOp({
  op: 'STFT',
  sinceVersion: 17,
  versions: [17], types: { T1: FLOATS_BF16, T2: INDEX },
  inputs: [{ name: 'signal', type: 'T1' }, { name: 'frame_step', type: 'T2' }, { name: 'window', type: 'T1', optional: true }, { name: 'frame_length', type: 'T2', optional: true }],
  outputs: [{ name: 'output', type: 'T1' }],
  attributes: { onesided: { type: 'int', default: 1 } },
  infer(ctx) {
    const [x, step, window, lenIn] = ctx.inputs;
    const frameLength = lenIn?.value ? Number(lenIn.value.data[0]) : window?.shape?.[0];
    const len = x?.shape?.[1];
    const s = step?.value ? Number(step.value.data[0]) : undefined;
    if (!x?.shape || typeof frameLength !== 'number' || typeof len !== 'number' || s === undefined) {
      return [{ dtype: x?.dtype, shape: x?.shape ? [x.shape[0]!, '?', '?', 2] : undefined }];
    }
    const bins = ctx.attr<number>('onesided') ? Math.floor(frameLength / 2) + 1 : frameLength;
    return [{ dtype: x.dtype, shape: [x.shape[0]!, Math.floor((len - frameLength) / s) + 1, bins, 2] }];
  },
});
