// backend-cpu against the interp: ReduceSum/Mean/Max/Min (axes as attribute and as input) and HardSwish.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, i64, installCpu, int, ints, type CpuHome, type KernelCase } from './support';

const REDUCES = ['ReduceSum', 'ReduceMean', 'ReduceMax', 'ReduceMin'];

describeWithTools(['cc'], 'backend-cpu reductions and HardSwish equal the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('axes as an attribute (opset 11): inner, outer, middle, several, negative, all, keepdims 0 and 1', async () => {
    const shapes: [number[], KernelCase['attrs']][] = [
      [[3, 4, 5], { axes: ints(2) }],
      [[3, 4, 5], { axes: ints(0), keepdims: int(0) }],
      [[3, 4, 5], { axes: ints(1) }],
      [[2, 3, 4, 5], { axes: ints(2, 3), keepdims: int(0) }],
      [[2, 3, 4, 5], { axes: ints(-1, 1) }],
      [[2, 3, 4], {}],
      [[2, 3, 4], { keepdims: int(0) }],
      [[1, 7, 1], { axes: ints(0, 2) }],
    ];
    const cases = REDUCES.flatMap((op) => shapes.map(([x, attrs]) => ({ op, inputs: [x], attrs })));
    // ReduceSum's axes became an input at 13; the others keep the attribute until 18.
    expect(await compareWithInterp(cpu, 'reduce-attr', cases, 11)).toEqual([]);
  });

  test('axes as an input (opset 18) with keepdims 1, empty axes, noop_with_empty_axes', async () => {
    const cases: KernelCase[] = REDUCES.flatMap((op): KernelCase[] => [
      { op, inputs: [[3, 4, 5], i64(1)] },
      { op, inputs: [[3, 4, 5], i64(-1, 0)] },
      { op, inputs: [[3, 4, 5]] },
      { op, inputs: [[3, 4, 5]], attrs: { noop_with_empty_axes: int(1) } },
      { op, inputs: [[3, 4, 5]], attrs: { keepdims: int(0) } },
    ]);
    expect(await compareWithInterp(cpu, 'reduce-input', cases, 18)).toEqual([]);
  });

  test('an axes input with keepdims 0 is read at run time: one or several axes, negative, empty (noop_with_empty_axes 0 and 1)', async () => {
    const keep0 = { keepdims: int(0) };
    const cases: KernelCase[] = REDUCES.flatMap((op): KernelCase[] => [
      { op, inputs: [[3, 4], i64(1)], attrs: keep0 },
      { op, inputs: [[2, 3, 4, 5], i64(-1, 1)], attrs: keep0 },
      { op, inputs: [[3, 4, 5], i64()], attrs: keep0 },
      { op, inputs: [[3, 4, 5], i64()], attrs: { ...keep0, noop_with_empty_axes: int(1) } },
      { op, inputs: [[1, 1], i64()], attrs: { ...keep0, noop_with_empty_axes: int(1) } },
    ]);
    expect(await compareWithInterp(cpu, 'reduce-input-keep0', cases, 18)).toEqual([]);
    // ReduceSum's axes are an input from opset 13 (transformers' masks): the common case before 18.
    const sums: KernelCase[] = [{ op: 'ReduceSum', inputs: [[2, 7, 3], i64(-2)], attrs: keep0 }, { op: 'ReduceSum', inputs: [[4, 5], i64(0, 1)], attrs: keep0 }];
    expect(await compareWithInterp(cpu, 'reduce-sum-keep0', sums, 13)).toEqual([]);
  });

  test('HardSwish on both clamps and the middle (inputs in [-5, 5))', async () => {
    const cases: KernelCase[] = [[1], [7, 9], [300]].map((d) => ({ op: 'HardSwish', inputs: [d], scale: 5 }));
    expect(await compareWithInterp(cpu, 'hard-swish', cases)).toEqual([]);
  });
});
