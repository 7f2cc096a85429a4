/**
 * backend-cpu's GatherElements (src/gather-elements.c) and ScatterND (src/scatter-nd.c) against the interp,
 * exactly: every axis (negative too), indices smaller than data off the axis, negative indices, int64 and
 * int32 indices, float32 and int64 data; ScatterND with k from 1 to the rank, repeated index rows, and
 * reductions none, add, mul (opset 16). Every node must run on cpu.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { DType } from '../../src/ir/dtype';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { describeWithTools } from '../support/optional-tools';
import { installCpu, int, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const rand = mulberry32(7);
const count = (dims: number[]) => dims.reduce((a, b) => a * b, 1);
const floats = (dims: number[]): Tensor => fromNumbers('float32', dims, Array.from({ length: count(dims) }, () => rand() * 4 - 2));
/** Indices in [−n, n) (negative ones count from the end). */
const indices = (dtype: DType, dims: number[], n: number): Tensor => fromNumbers(dtype, dims, Array.from({ length: count(dims) }, () => Math.floor(rand() * 2 * n) - n));
/** ScatterND's [rows, k] index rows into the first k dims of `data`, `repeat` of them copies of row 0. */
function rows(data: number[], lead: number[], k: number, repeat = 0): Tensor {
  const v: number[] = [];
  const n = count(lead);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < k; j++) v.push(r > 0 && r <= repeat ? v[j]! : Math.floor(rand() * 2 * data[j]!) - data[j]!);
  }
  return fromNumbers('int64', [...lead, k], v);
}

describeWithTools(['cc'], 'backend-cpu GatherElements and ScatterND equal the interp exactly', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('GatherElements: every axis, smaller indices off the axis, negative indices, int32 indices, int64 data', async () => {
    const cases: Case[] = [];
    const shapes: [number[], number[]][] = [[[7], [5]], [[3, 5], [3, 4]], [[3, 5], [2, 5]], [[2, 3, 4], [2, 6, 4]], [[4, 1, 5], [2, 1, 3]], [[2, 3, 0], [2, 3, 0]]];
    for (const [data, idx] of shapes) {
      for (let axis = -data.length; axis < data.length; axis++) {
        const a = axis < 0 ? axis + data.length : axis;
        if (data[a] === 0) continue;
        const fits = idx.every((d, i) => i === a || d <= data[i]!);
        if (!fits) continue;
        cases.push({ op: 'GatherElements', inputs: [floats(data), indices('int64', idx, data[a]!)], out: 'float32', attrs: { axis: int(axis) } });
        cases.push({ op: 'GatherElements', inputs: [floats(data), indices('int32', idx, data[a]!)], out: 'float32', attrs: { axis: int(axis) } });
      }
    }
    const big = fromNumbers('int64', [3, 4], Array.from({ length: 12 }, (_, i) => i * 1e9));
    cases.push({ op: 'GatherElements', inputs: [big, indices('int64', [3, 2], 4)], out: 'int64', attrs: { axis: int(1) } });
    expect(await compareExactly(cpu, 'gather-elements', cases, 13)).toEqual([]);
  });

  test('ScatterND: k from 1 to the rank, a KV-cache-like slab update, repeated rows, reductions none/add/mul', async () => {
    const cases: Case[] = [];
    for (const reduction of ['none', 'add', 'mul']) {
      const attrs = { reduction: { type: 'string' as const, value: reduction } };
      const add = (data: number[], lead: number[], k: number, repeat = 0) =>
        cases.push({ op: 'ScatterND', inputs: [floats(data), rows(data, lead, k, repeat), floats([...lead, ...data.slice(k)])], out: 'float32', attrs });
      add([9], [4], 1);
      add([4, 5], [3], 1, 2);
      add([4, 5], [2, 3], 2, 3);
      add([2, 3, 4], [5], 2, 1);
      add([2, 3, 4], [2], 3);
      add([1, 2, 6, 8], [1, 3], 3); // [batch, heads, positions, dim]: three positions of every head's row
      add([3, 5], [0], 1);
    }
    expect(await compareExactly(cpu, 'scatter-nd', cases, 16)).toEqual([]);
    const none = cases.slice(0, 7);
    expect(await compareExactly(cpu, 'scatter-nd-11', none.map((c) => ({ ...c, attrs: {} })), 11)).toEqual([]);
  });
});
