// backend-cpu's Gather (gather.c) and Slice (slice.c) against the interp, exactly: float32, int64, bool
// data, int64 and int32 indices, negative axes and indices, scalar indices, steps of either sign, clamping.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { DType } from '../../src/ir/dtype';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { int, ints, installCpu, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const count = (dims: number[]) => dims.reduce((a, b) => a * b, 1);
/** Distinct values 0, 1, 2, … (every element traceable) in the given dtype. */
const iota = (dtype: DType, dims: number[]): Tensor =>
  fromNumbers(dtype, dims, Array.from({ length: count(dims) }, (_, i) => (dtype === 'bool' ? i % 3 === 0 ? 1 : 0 : dtype === 'float32' ? i * 0.5 - 3 : i - 7)));
const idx = (dtype: DType, dims: number[], values: number[]): Tensor => fromNumbers(dtype, dims, values);

describeWithTools(['cc'], 'backend-cpu Gather and Slice equal the interp exactly', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('Gather: every axis, negative axis and indices, scalar and 2-D indices, int32 indices, each data dtype', async () => {
    const cases: Case[] = [];
    for (const dt of ['float32', 'int64', 'int32', 'bool'] as DType[]) {
      cases.push(
        { op: 'Gather', inputs: [iota(dt, [5, 3]), idx('int64', [4], [0, 4, -1, 2])], out: dt },
        { op: 'Gather', inputs: [iota(dt, [2, 5, 3]), idx('int64', [2, 2], [1, -2, 0, 2])], out: dt, attrs: { axis: int(-1) } },
        { op: 'Gather', inputs: [iota(dt, [2, 5, 3]), idx('int32', [3], [4, 0, -5])], out: dt, attrs: { axis: int(1) } },
        { op: 'Gather', inputs: [iota(dt, [4, 1, 2]), idx('int64', [], [-3])], out: dt },
      );
    }
    cases.push({ op: 'Gather', inputs: [iota('float32', [6, 4]), idx('int64', [3], [5, 0, -6])], out: 'float32', weights: [1] });
    expect(await compareExactly(cpu, 'gather', cases)).toEqual([]);
  });

  test('Slice: negative axes, steps of either sign, clamped and huge ends, empty results, int32 indices', async () => {
    const i64 = (...v: number[]) => idx('int64', [v.length], v);
    // starts/ends/axes/steps are weights: the planner needs them constant to make the output dims static.
    const W = [1, 2, 3, 4];
    const cases: Case[] = [];
    for (const dt of ['float32', 'int64', 'bool'] as DType[]) {
      const x = iota(dt, [4, 5, 6]);
      cases.push(
        { op: 'Slice', inputs: [x, i64(1, 0), i64(3, 4)], out: dt, weights: W },
        { op: 'Slice', inputs: [x, i64(-1), i64(-7), i64(-1), i64(-2)], out: dt, weights: W },
        { op: 'Slice', inputs: [x, i64(0, 1), i64(9e15, 4), i64(2, 1), i64(2, 1)], out: dt, weights: W },
        { op: 'Slice', inputs: [x, i64(5, 3), i64(-99, 0), i64(1, 0), i64(-2, -1)], out: dt, weights: W },
        { op: 'Slice', inputs: [x, i64(2), i64(2), i64(0)], out: dt, weights: W },
        { op: 'Slice', inputs: [x, idx('int32', [2], [1, -3]), idx('int32', [2], [4, 100]), idx('int32', [2], [2, 0])], out: dt, weights: W },
      );
    }
    expect(await compareExactly(cpu, 'slice', cases)).toEqual([]);
  });

  test('Slice before opset 10: starts, ends and axes as attributes', async () => {
    const cases: Case[] = [
      { op: 'Slice', inputs: [iota('float32', [4, 5])], out: 'float32', attrs: { starts: ints(1, -4), ends: ints(3, 1000) } },
      { op: 'Slice', inputs: [iota('float32', [4, 5])], out: 'float32', attrs: { starts: ints(2), ends: ints(-1), axes: ints(1) } },
    ];
    expect(await compareExactly(cpu, 'slice-opset9', cases, 9)).toEqual([]);
  });
});
