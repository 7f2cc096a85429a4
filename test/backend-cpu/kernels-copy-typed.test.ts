// backend-cpu's int64/int32/bool Identity, Reshape, Flatten, Squeeze, Unsqueeze (copy-typed.c) against the
// interp, exactly: the values and the dims the planner gives the output.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { DType } from '../../src/ir/dtype';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { i64, int, installCpu, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const values = (dtype: DType, dims: number[]): Tensor => {
  const n = dims.reduce((a, b) => a * b, 1);
  return fromNumbers(dtype, dims, Array.from({ length: n }, (_, i) => (dtype === 'bool' ? i % 2 : i * 3 - 11)));
};

describeWithTools(['cc'], 'backend-cpu int and bool copies equal the interp exactly', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('Identity, Reshape (with -1 and 0), Flatten, Squeeze, Unsqueeze of int64, int32, bool', async () => {
    const cases: Case[] = (['int64', 'int32', 'bool'] as DType[]).flatMap((dt): Case[] => [
      { op: 'Identity', inputs: [values(dt, [3, 4])], out: dt },
      { op: 'Reshape', inputs: [values(dt, [2, 3, 4]), i64(0, -1)], out: dt, weights: [1] },
      { op: 'Flatten', inputs: [values(dt, [2, 3, 4])], out: dt, attrs: { axis: int(2) } },
      { op: 'Squeeze', inputs: [values(dt, [1, 5, 1]), i64(-1)], out: dt, weights: [1] },
      { op: 'Unsqueeze', inputs: [values(dt, [5]), i64(0, -1)], out: dt, weights: [1] },
    ]);
    expect(await compareExactly(cpu, 'copy-typed', cases)).toEqual([]);
  });
});
