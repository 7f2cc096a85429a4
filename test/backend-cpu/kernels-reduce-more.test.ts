/**
 * backend-cpu's ReduceProd, ReduceL1, ReduceL2, ReduceLogSum, ReduceLogSumExp and ReduceSumSquare (src/reduce.c)
 * against the interp: axes as an attribute (opset 13) and as an input (opset 18), negative, several, none,
 * noop_with_empty_axes, keepdims both ways, odd sizes, size-1 and 0 dims. Every node must run on cpu.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, i64, installCpu, int, ints, type CpuHome, type KernelCase } from './support';

const REDUCES = ['ReduceProd', 'ReduceL1', 'ReduceL2', 'ReduceLogSum', 'ReduceLogSumExp', 'ReduceSumSquare'];

describeWithTools(['cc'], 'backend-cpu ReduceProd/L1/L2/LogSum/LogSumExp/SumSquare equal the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('axes as an attribute (opset 13): inner, outer, middle, several, negative, all, keepdims 0 and 1, size-1 and 0 dims', async () => {
    const shapes: [number[], KernelCase['attrs']][] = [
      [[3, 4, 5], { axes: ints(2) }],
      [[3, 4, 5], { axes: ints(0), keepdims: int(0) }],
      [[3, 7, 5], { axes: ints(1) }],
      [[2, 3, 4, 5], { axes: ints(2, 3), keepdims: int(0) }],
      [[2, 3, 4, 5], { axes: ints(-1, 1) }],
      [[2, 3, 17], {}],
      [[2, 3, 4], { keepdims: int(0) }],
      [[1, 7, 1], { axes: ints(0, 2) }],
      [[3, 0, 2], { axes: ints(1) }],
      [[3, 0, 2], { axes: ints(2), keepdims: int(0) }],
      [[1, 1, 1], { axes: ints(-2) }],
    ];
    const cases = REDUCES.flatMap((op) => shapes.map(([x, attrs]) => ({ op, inputs: [x], attrs })));
    expect(await compareWithInterp(cpu, 'reduce-more-attr', cases, 13)).toEqual([]);
  });

  test('LogSumExp of large values (exp would overflow), a product of many factors', async () => {
    const cases: KernelCase[] = [
      { op: 'ReduceLogSumExp', inputs: [[5, 33]], attrs: { axes: ints(1) }, scale: 200 },
      { op: 'ReduceLogSumExp', inputs: [[6, 3, 2]], attrs: { axes: ints(0, 2) }, scale: 120 },
      { op: 'ReduceProd', inputs: [[2, 40]], attrs: { axes: ints(1) }, scale: 3 },
    ];
    expect(await compareWithInterp(cpu, 'reduce-more-large', cases, 13)).toEqual([]);
  });

  test('axes as an input (opset 18) with keepdims 1, empty axes, noop_with_empty_axes, keepdims 0 with and without axes', async () => {
    const cases: KernelCase[] = REDUCES.flatMap((op): KernelCase[] => [
      { op, inputs: [[3, 4, 5], i64(1)] },
      { op, inputs: [[3, 4, 5], i64(-1, 0)] },
      { op, inputs: [[3, 4, 5]] },
      { op, inputs: [[3, 4, 5]], attrs: { noop_with_empty_axes: int(1) } },
      { op, inputs: [[3, 4, 5]], attrs: { keepdims: int(0) } },
      { op, inputs: [[3, 4, 5], i64(0, -1)], attrs: { keepdims: int(0) } },
      { op, inputs: [[3, 0, 5], i64(2)], attrs: { keepdims: int(0) } },
    ]);
    expect(await compareWithInterp(cpu, 'reduce-more-input', cases, 18)).toEqual([]);
  });
});
