// backend-cpu against the interp: Concat, Transpose and the copies (Reshape, Flatten, Squeeze, Unsqueeze, Identity).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, i64, installCpu, int, ints, randomValues, type CpuHome, type KernelCase } from './support';

describeWithTools(['cc'], 'backend-cpu layout kernels equal the interp (exact copies)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('Concat on every axis (negative too), one to four inputs, a weight among them, size-1 parts', async () => {
    const cases: KernelCase[] = [
      { op: 'Concat', inputs: [[2, 3, 4], [2, 5, 4]], attrs: { axis: int(1) } },
      { op: 'Concat', inputs: [[2, 3, 4], [1, 3, 4], [3, 3, 4]], attrs: { axis: int(0) } },
      { op: 'Concat', inputs: [[2, 3, 1], randomValues([2, 3, 6]), [2, 3, 2], [2, 3, 1]], attrs: { axis: int(-1) } },
      { op: 'Concat', inputs: [[7]], attrs: { axis: int(0) } },
      { op: 'Concat', inputs: [[2, 1, 3], [2, 4, 3]], attrs: { axis: int(-2) } },
    ];
    expect(await compareWithInterp(cpu, 'concat', cases)).toEqual([]);
  });

  test('Transpose: default (reversed) perm, rank 1 to 5, size-1 dims', async () => {
    const cases: KernelCase[] = [
      { op: 'Transpose', inputs: [[3, 5]] },
      { op: 'Transpose', inputs: [[7]] },
      { op: 'Transpose', inputs: [[2, 3, 4]], attrs: { perm: ints(1, 0, 2) } },
      { op: 'Transpose', inputs: [[2, 3, 4]], attrs: { perm: ints(2, 0, 1) } },
      { op: 'Transpose', inputs: [[2, 1, 4, 3]], attrs: { perm: ints(0, 2, 3, 1) } },
      { op: 'Transpose', inputs: [[2, 3, 1, 4, 5]], attrs: { perm: ints(4, 2, 0, 3, 1) } },
    ];
    expect(await compareWithInterp(cpu, 'transpose', cases)).toEqual([]);
  });

  test('Reshape, Flatten, Squeeze, Unsqueeze, Identity', async () => {
    const cases: KernelCase[] = [
      { op: 'Reshape', inputs: [[2, 3, 4], i64(4, -1)] },
      { op: 'Reshape', inputs: [[2, 3, 4], i64(0, 12)] },
      { op: 'Flatten', inputs: [[2, 3, 4]] },
      { op: 'Flatten', inputs: [[2, 3, 4]], attrs: { axis: int(0) } },
      { op: 'Flatten', inputs: [[2, 3, 4]], attrs: { axis: int(-1) } },
      { op: 'Squeeze', inputs: [[1, 3, 1, 2]] },
      { op: 'Squeeze', inputs: [[1, 3, 1, 2], i64(-2)] },
      { op: 'Unsqueeze', inputs: [[3, 2], i64(0, 3)] },
      { op: 'Identity', inputs: [[5, 1, 2]] },
    ];
    expect(await compareWithInterp(cpu, 'copies', cases)).toEqual([]);
  });
});
