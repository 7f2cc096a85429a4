// backend-cpu's comparisons and Where (compare.c) against the interp: float32, int64 and int32 operands,
// broadcasting on both sides, size-1 dims, equal values (so Equal and the OrEqual forms are not all false).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { DType } from '../../src/ir/dtype';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { describeWithTools } from '../support/optional-tools';
import { installCpu, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const SHAPES: [number[], number[]][] = [
  [[7], [7]], [[], [3, 5]], [[2, 3, 4], []], [[2, 3, 4], [4]], [[2, 1, 4], [3, 1]], [[1, 5, 1, 3], [2, 1, 4, 1]], [[6, 1], [1, 6]], [[1], [1]],
];
const rand = mulberry32(11);
/** Small integers (many ties) in the given dtype; float32 gets a NaN too, which compares false. */
function values(dtype: DType, dims: number[]): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const v = Array.from({ length: n }, (_, i) => (dtype === 'float32' && i === 2 ? NaN : Math.floor(rand() * 5) - 2));
  return dtype === 'bool' ? fromNumbers('bool', dims, v.map((x) => (x > 0 ? 1 : 0))) : fromNumbers(dtype, dims, v);
}

describeWithTools(['cc'], 'backend-cpu comparisons and Where equal the interp exactly', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('Equal, Less, LessOrEqual, Greater, GreaterOrEqual of float32, int64, int32 with broadcasting', async () => {
    const cases: Case[] = ['Equal', 'Less', 'LessOrEqual', 'Greater', 'GreaterOrEqual'].flatMap((op) =>
      (['float32', 'int64', 'int32'] as DType[]).flatMap((dt) => SHAPES.map(([a, b]) => ({ op, inputs: [values(dt, a), values(dt, b)], out: 'bool' as DType }))),
    );
    expect(await compareExactly(cpu, 'compare', cases)).toEqual([]);
  });

  test('Where of float32, int64, int32, bool values, broadcasting condition and both branches', async () => {
    const shapes: number[][][] = [[[7], [7], [7]], [[3, 1], [1, 4], []], [[], [2, 3], [3]], [[2, 1, 5], [4, 1], [1, 1, 5]], [[1], [1], [1]]];
    const cases: Case[] = (['float32', 'int64', 'int32', 'bool'] as DType[]).flatMap((dt) =>
      shapes.map(([c, x, y]) => ({ op: 'Where', inputs: [values('bool', c!), values(dt, x!), values(dt, y!)], out: dt })),
    );
    expect(await compareExactly(cpu, 'where', cases)).toEqual([]);
  });
});
