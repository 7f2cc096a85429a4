// backend-cpu against the interp: LayerNormalization (with its optional outputs) and Erf.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, float, installCpu, int, randomValues, type CpuHome, type KernelCase } from './support';

describeWithTools(['cc'], 'backend-cpu LayerNormalization and Erf equal the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('LayerNormalization over the last axis, several trailing axes, axis 0, with and without B', async () => {
    const ln = (x: number[], axis: number, bias = true, epsilon = 1e-5): KernelCase => {
      const norm = x.slice(axis < 0 ? x.length + axis : axis);
      return { op: 'LayerNormalization', inputs: [x, randomValues(norm), bias ? randomValues(norm) : null], attrs: { axis: int(axis), epsilon: float(epsilon) } };
    };
    const cases = [ln([2, 3, 8], -1), ln([2, 3, 8], 1, false), ln([4, 5], 0), ln([1, 1], -1, true, 0.1), ln([3, 2, 1, 7], -2), ln([6, 33], 1)];
    cases.push({ op: 'LayerNormalization', inputs: [[5, 16], [16], [16]] }); // Scale and B fed at run time
    expect(await compareWithInterp(cpu, 'layer-norm', cases)).toEqual([]);
  });

  test('LayerNormalization Mean and InvStdDev outputs', async () => {
    const cases: KernelCase[] = [{ op: 'LayerNormalization', inputs: [[3, 4, 5], randomValues([4, 5])], attrs: { axis: int(1) } }];
    expect(await compareWithInterp(cpu, 'layer-norm-stats', cases, 17, {}, 3)).toEqual([]);
  });

  test('Erf on [-4, 4): both tails and the middle', async () => {
    const cases: KernelCase[] = [[1], [5, 7], [301]].map((d) => ({ op: 'Erf', inputs: [d], scale: 4 }));
    expect(await compareWithInterp(cpu, 'erf', cases)).toEqual([]);
  });
});
