/**
 * backend-cpu's GroupNormalization (src/group-norm.c) against the interp: opset 18 (scale and bias per group)
 * and 21 (per channel), one group, one channel per group, rank 2 to 5, odd spatial sizes, epsilon. Every node
 * must run on cpu.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, float, installCpu, int, randomValues, type CpuHome, type KernelCase } from './support';

const gn = (x: number[], groups: number, perChannel: boolean, epsilon?: number): KernelCase => {
  const n = perChannel ? x[1]! : groups;
  const attrs: KernelCase['attrs'] = { num_groups: int(groups), ...(epsilon === undefined ? {} : { epsilon: float(epsilon) }) };
  return { op: 'GroupNormalization', inputs: [x, randomValues([n]), randomValues([n])], attrs };
};

describeWithTools(['cc'], 'backend-cpu GroupNormalization equals the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  const shapes: [number[], number, number?][] = [[[2, 6, 5, 7], 3], [[1, 8, 9], 1], [[3, 4, 3, 3], 4, 0.1], [[2, 6], 2], [[1, 4, 2, 3, 5], 2], [[2, 32, 33], 8]];
  test('opset 18: scale and bias one per group', async () => {
    expect(await compareWithInterp(cpu, 'group-norm-18', shapes.map(([x, g, e]) => gn(x, g, false, e)), 18)).toEqual([]);
  });
  test('opset 21: scale and bias one per channel', async () => {
    expect(await compareWithInterp(cpu, 'group-norm-21', shapes.map(([x, g, e]) => gn(x, g, true, e)), 21)).toEqual([]);
  });
});
