import { defineKernel } from '../kernel';
import { gemm } from '../util/gemm';
import { clipTo, outputTensors, projectInput, setupRnn, timeIndex } from '../util/rnn';

// z = f(Xt·Wzᵀ + H·Rzᵀ + Wbz + Rbz), r = f(… r …),
// h~ = g(Xt·Whᵀ + (r ⊙ H)·Rhᵀ + Rbh + Wbh)        when linear_before_reset = 0,
// h~ = g(Xt·Whᵀ + r ⊙ (H·Rhᵀ + Rbh) + Wbh)        otherwise;   H' = (1 − z) ⊙ h~ + z ⊙ H.
export default defineKernel('GRU', (inputs, ctx) => {
  const s = setupRnn(inputs, ctx, 3, ['Sigmoid', 'Tanh']);
  const { seq, batch, hidden: hs, dirs } = s;
  const linearBeforeReset = ctx.attr<number>('linear_before_reset') !== 0;
  const gh = 3 * hs;
  const y = new Float64Array(seq * dirs * batch * hs);
  const finalH = s.initialH.slice();
  const hr = new Float64Array(batch * gh);
  const rh = new Float64Array(batch * hs); // r ⊙ H
  const rhR = new Float64Array(batch * hs); // (r ⊙ H)·Rhᵀ
  const zs = new Float64Array(batch * hs);
  for (let d = 0; d < dirs; d++) {
    const xw = projectInput(s, d, 3);
    const [f, g] = s.acts[d]!;
    const wb = d * 2 * gh;
    const rb = wb + gh;
    const rOff = d * gh * hs;
    const h = finalH.subarray(d * batch * hs, (d + 1) * batch * hs);
    for (let step = 0; step < seq; step++) {
      gemm({ m: batch, n: gh, k: hs, a: h, b: s.r, bOffset: rOff, transB: true, c: hr });
      const bias = (base: number, gate: number, j: number) => s.bias[base + gate * hs + j]!;
      for (let b = 0; b < batch; b++) {
        const t = timeIndex(s, d, step, b);
        if (t < 0) continue;
        const x = (t * batch + b) * gh;
        for (let j = 0; j < hs; j++) {
          zs[b * hs + j] = f!(clipTo(xw[x + j]! + hr[b * gh + j]! + bias(wb, 0, j) + bias(rb, 0, j), s.clip));
          const r = f!(clipTo(xw[x + hs + j]! + hr[b * gh + hs + j]! + bias(wb, 1, j) + bias(rb, 1, j), s.clip));
          // Keep r for the h gate: as r itself (linear_before_reset) or applied to H.
          rh[b * hs + j] = linearBeforeReset ? r : r * h[b * hs + j]!;
        }
      }
      if (!linearBeforeReset) gemm({ m: batch, n: hs, k: hs, a: rh, b: s.r, bOffset: rOff + 2 * hs * hs, transB: true, c: rhR });
      for (let b = 0; b < batch; b++) {
        const t = timeIndex(s, d, step, b);
        if (t < 0) continue;
        const x = (t * batch + b) * gh;
        for (let j = 0; j < hs; j++) {
          const k = b * hs + j;
          const recur = linearBeforeReset ? rh[k]! * (hr[b * gh + 2 * hs + j]! + bias(rb, 2, j)) : rhR[k]! + bias(rb, 2, j);
          const cand = g!(clipTo(xw[x + 2 * hs + j]! + recur + bias(wb, 2, j), s.clip));
          const z = zs[k]!;
          const v = (1 - z) * cand + z * h[k]!;
          h[k] = v;
          y[((t * dirs + d) * batch + b) * hs + j] = v;
        }
      }
    }
  }
  return outputTensors(s, y, [finalH]);
});
