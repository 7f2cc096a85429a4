import { nodeError } from '../../../ir/node-error';
import { toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput } from '../kernel';
import { gemm } from '../util/gemm';
import { clipTo, outputTensors, projectInput, readState, setupRnn, timeIndex } from '../util/rnn';

// Gates in W/R/B order i, o, f, c; peepholes P = [Pi, Po, Pf]:
//   i = f(… + Pi ⊙ C), f' = f(… + Pf ⊙ C) (or 1 − i with input_forget), c~ = g(…),
//   C' = f' ⊙ C + i ⊙ c~,  o = f(… + Po ⊙ C'),  H' = o ⊙ h(C').
export default defineKernel('LSTM', (inputs, ctx) => {
  const s = setupRnn(inputs, ctx, 4, ['Sigmoid', 'Tanh', 'Tanh']);
  const { seq, batch, hidden: hs, dirs } = s;
  const c0 = optionalInput(inputs, 6);
  const p = optionalInput(inputs, 7);
  if (c0 && c0.size !== dirs * batch * hs) throw nodeError(ctx.node, 'E_SHAPE', `initial_c is [${c0.dims}], expected ${dirs * batch * hs} elements`);
  if (p && p.dims.join(',') !== `${dirs},${3 * hs}`) throw nodeError(ctx.node, 'E_SHAPE', `P is [${p.dims}], expected [${dirs},${3 * hs}]`);
  const peep = p ? toNumbers(p) : new Float64Array(dirs * 3 * hs);
  const inputForget = ctx.attr<number>('input_forget') !== 0;
  const gh = 4 * hs;
  const y = new Float64Array(seq * dirs * batch * hs);
  const finalH = s.initialH.slice();
  const finalC = readState(c0, s.layout, dirs, batch, hs);
  const hr = new Float64Array(batch * gh);
  for (let d = 0; d < dirs; d++) {
    const xw = projectInput(s, d, 4);
    const [f, g, hAct] = s.acts[d]!;
    const wb = d * 2 * gh;
    const rb = wb + gh;
    const pOff = d * 3 * hs;
    const h = finalH.subarray(d * batch * hs, (d + 1) * batch * hs);
    const c = finalC.subarray(d * batch * hs, (d + 1) * batch * hs);
    for (let step = 0; step < seq; step++) {
      gemm({ m: batch, n: gh, k: hs, a: h, b: s.r, bOffset: d * gh * hs, transB: true, c: hr });
      for (let b = 0; b < batch; b++) {
        const t = timeIndex(s, d, step, b);
        if (t < 0) continue;
        const x = (t * batch + b) * gh;
        // Pre-activation of gate `gate` (0 i, 1 o, 2 f, 3 c) for unit j, without peephole.
        const pre = (gate: number, j: number) =>
          xw[x + gate * hs + j]! + hr[b * gh + gate * hs + j]! + s.bias[wb + gate * hs + j]! + s.bias[rb + gate * hs + j]!;
        for (let j = 0; j < hs; j++) {
          const k = b * hs + j;
          const cPrev = c[k]!;
          const i = f!(clipTo(pre(0, j) + peep[pOff + j]! * cPrev, s.clip));
          const fg = inputForget ? 1 - i : f!(clipTo(pre(2, j) + peep[pOff + 2 * hs + j]! * cPrev, s.clip));
          const cand = g!(clipTo(pre(3, j), s.clip));
          const cNew = fg * cPrev + i * cand;
          const o = f!(clipTo(pre(1, j) + peep[pOff + hs + j]! * cNew, s.clip));
          const hNew = o * hAct!(cNew);
          c[k] = cNew;
          h[k] = hNew;
          y[((t * dirs + d) * batch + b) * hs + j] = hNew;
        }
      }
    }
  }
  return outputTensors(s, y, [finalH, finalC]);
});
