import { defineKernel } from '../kernel';
import { gemm } from '../util/gemm';
import { clipTo, outputTensors, projectInput, setupRnn, timeIndex } from '../util/rnn';

// Ht = f(Xt·Wᵀ + Ht-1·Rᵀ + Wb + Rb), per direction; Y holds every Ht (zeros past sequence_lens).
export default defineKernel('RNN', (inputs, ctx) => {
  const s = setupRnn(inputs, ctx, 1, ['Tanh']);
  const { seq, batch, hidden: hs, dirs } = s;
  const y = new Float64Array(seq * dirs * batch * hs);
  const finalH = s.initialH.slice();
  const hr = new Float64Array(batch * hs);
  for (let d = 0; d < dirs; d++) {
    const xw = projectInput(s, d, 1);
    const f = s.acts[d]![0]!;
    const wb = d * 2 * hs;
    const rb = wb + hs;
    const h = finalH.subarray(d * batch * hs, (d + 1) * batch * hs);
    for (let step = 0; step < seq; step++) {
      gemm({ m: batch, n: hs, k: hs, a: h, b: s.r, bOffset: d * hs * hs, transB: true, c: hr });
      for (let b = 0; b < batch; b++) {
        const t = timeIndex(s, d, step, b);
        if (t < 0) continue;
        for (let j = 0; j < hs; j++) {
          const pre = xw[(t * batch + b) * hs + j]! + hr[b * hs + j]! + s.bias[wb + j]! + s.bias[rb + j]!;
          const v = f(clipTo(pre, s.clip));
          h[b * hs + j] = v;
          y[((t * dirs + d) * batch + b) * hs + j] = v;
        }
      }
    }
  }
  return outputTensors(s, y, [finalH]);
});
