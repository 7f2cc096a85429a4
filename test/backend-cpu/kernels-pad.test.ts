// backend-cpu's Pad (pad.c) against the interp, exactly: every mode, negative pads (crops), a constant value,
// axes with negative values, size-1 dims (reflect of one element), pads wider than the input (reflect/wrap repeat).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { i64, installCpu, scalar, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const iota = (dims: number[]): Tensor => fromNumbers('float32', dims, Array.from({ length: dims.reduce((a, b) => a * b, 1) }, (_, i) => i * 0.5 - 2));
const str = (value: string) => ({ type: 'string' as const, value });

describeWithTools(['cc'], 'backend-cpu Pad equals the interp exactly', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('constant, reflect, edge and wrap; crops; constant_value; axes', async () => {
    const cases: Case[] = [];
    for (const mode of ['constant', 'reflect', 'edge', 'wrap']) {
      const attrs = { mode: str(mode) };
      cases.push(
        { op: 'Pad', inputs: [iota([3, 4]), i64(1, 2, 0, 3)], out: 'float32', attrs, weights: [1] },
        { op: 'Pad', inputs: [iota([2, 3, 5]), i64(0, -1, 2, 1, 0, -2)], out: 'float32', attrs, weights: [1] },
        { op: 'Pad', inputs: [iota([1, 3]), i64(2, 1, 2, 1)], out: 'float32', attrs, weights: [1] },
        { op: 'Pad', inputs: [iota([4, 3]), i64(0, 7, 0, 8)], out: 'float32', attrs, weights: [1] },
        { op: 'Pad', inputs: [iota([2, 3, 4]), i64(1, 2), null, i64(-1)], out: 'float32', attrs, weights: [1, 3] },
      );
    }
    cases.push({ op: 'Pad', inputs: [iota([3, 2]), i64(1, 1, 1, 1), scalar(-7.5)], out: 'float32', weights: [1, 2] });
    cases.push({ op: 'Pad', inputs: [iota([3, 2]), i64(0, 1, 1, 0), scalar(2)], out: 'float32', weights: [1] });
    expect(await compareExactly(cpu, 'pad', cases, 19)).toEqual([]);
  });
});
