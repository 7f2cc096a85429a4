// backend-cpu's InstanceNormalization (src/instance-norm.c) against the interp: 1-D to 3-D spatial dims, one
// and many channels, one-element planes (variance 0: the output is B), a large epsilon, split between threads.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, float, installCpu, randomValues, type CpuHome, type KernelCase } from './support';

describeWithTools(['cc'], 'backend-cpu InstanceNormalization', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  const inorm = (dims: number[], attrs: KernelCase['attrs'] = {}): KernelCase => ({
    op: 'InstanceNormalization',
    inputs: [dims, randomValues([dims[1]!]), randomValues([dims[1]!])],
    attrs,
    scale: 3,
  });

  test('equals the interp on odd shapes, one-element planes and a large epsilon, at 1 and 3 threads', async () => {
    const cases = [inorm([2, 3, 17]), inorm([1, 1, 5, 7]), inorm([3, 4, 1]), inorm([2, 5, 2, 3, 4], { epsilon: float(0.5) }), inorm([1, 64, 1000])];
    expect(await compareWithInterp(cpu, 'inorm', cases)).toEqual([]);
    expect(await compareWithInterp(cpu, 'inorm-split', cases, 17, { HODU_THREADS: '3', HODU_CPU_SPLIT_SMALL: '1' })).toEqual([]);
  });
});
