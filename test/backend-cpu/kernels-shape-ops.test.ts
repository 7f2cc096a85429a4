// backend-cpu's Split, Expand, Tile (split.c, expand.c, tile.c), the int64/int32/bool/float16 Concat,
// Transpose (layout.c) and copies (copy-typed.c) and Cast float16↔float32 (cast.c) against the interp, exactly:
// every dtype they claim, size-1 and odd dims, negative axes, uneven num_outputs, broadcast from rank 0.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { DType } from '../../src/ir/dtype';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { i64, int, ints, installCpu, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const DTYPES: DType[] = ['float32', 'int64', 'int32', 'bool', 'float16'];
const values = (dtype: DType, dims: number[]): Tensor => {
  const n = dims.reduce((a, b) => a * b, 1);
  return fromNumbers(dtype, dims, Array.from({ length: n }, (_, i) => (dtype === 'bool' ? (i * 7) % 3 === 0 ? 1 : 0 : i * 3 - 11 + (dtype.startsWith('float') ? 0.25 : 0))));
};

describeWithTools(['cc'], 'backend-cpu Split, Expand, Tile, typed Concat/Transpose and float16 Cast equal the interp exactly', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('Split: the split attribute (opset 11), equal parts, negative axis, size-1 parts', async () => {
    const cases: Case[] = DTYPES.flatMap((dt): Case[] => [
      { op: 'Split', inputs: [values(dt, [5, 7])], out: dt, outputs: 3, attrs: { axis: int(1), split: ints(2, 1, 4) } },
      { op: 'Split', inputs: [values(dt, [6, 3, 2])], out: dt, outputs: 2, attrs: { axis: int(-3) } },
      { op: 'Split', inputs: [values(dt, [2, 3, 1])], out: dt, outputs: 3, attrs: { axis: int(1) } },
    ]);
    expect(await compareExactly(cpu, 'split-11', cases, 11)).toEqual([]);
  });

  test('Split: the split input (opset 13), with a zero-length part', async () => {
    const cases: Case[] = DTYPES.flatMap((dt): Case[] => [
      { op: 'Split', inputs: [values(dt, [3, 9, 2]), i64(4, 0, 5)], out: dt, outputs: 3, attrs: { axis: int(1) }, weights: [1] },
      { op: 'Split', inputs: [values(dt, [7]), i64(1, 6)], out: dt, outputs: 2, weights: [1] },
    ]);
    expect(await compareExactly(cpu, 'split-13', cases, 13)).toEqual([]);
  });

  test('Split: num_outputs (opset 18), uneven last part', async () => {
    const cases: Case[] = DTYPES.flatMap((dt): Case[] => [
      { op: 'Split', inputs: [values(dt, [2, 7, 3])], out: dt, outputs: 3, attrs: { axis: int(1), num_outputs: int(3) } },
      { op: 'Split', inputs: [values(dt, [5, 1])], out: dt, outputs: 2, attrs: { axis: int(-2), num_outputs: int(2) } },
    ]);
    expect(await compareExactly(cpu, 'split-18', cases, 18)).toEqual([]);
  });

  test('Expand: from rank 0, broadcast inner and outer axes, a larger rank, a shape smaller than X', async () => {
    const cases: Case[] = DTYPES.flatMap((dt): Case[] => [
      { op: 'Expand', inputs: [values(dt, []), i64(2, 3)], out: dt, weights: [1] },
      { op: 'Expand', inputs: [values(dt, [3, 1]), i64(2, 3, 5)], out: dt, weights: [1] },
      { op: 'Expand', inputs: [values(dt, [1, 4]), i64(3, 1)], out: dt, weights: [1] },
      { op: 'Expand', inputs: [values(dt, [2, 1, 3]), i64(2, 4, 3)], out: dt, weights: [1] },
      { op: 'Expand', inputs: [values(dt, [5]), i64(1)], out: dt, weights: [1] },
    ]);
    expect(await compareExactly(cpu, 'expand', cases)).toEqual([]);
  });

  test('Tile: repeats on inner, outer and every axis, repeats of 1 and 0', async () => {
    const cases: Case[] = DTYPES.flatMap((dt): Case[] => [
      { op: 'Tile', inputs: [values(dt, [2, 3]), i64(1, 3)], out: dt, weights: [1] },
      { op: 'Tile', inputs: [values(dt, [2, 3]), i64(3, 1)], out: dt, weights: [1] },
      { op: 'Tile', inputs: [values(dt, [3, 1, 2]), i64(2, 5, 3)], out: dt, weights: [1] },
      { op: 'Tile', inputs: [values(dt, [4]), i64(0)], out: dt, weights: [1] },
      { op: 'Tile', inputs: [values(dt, [1, 1]), i64(1, 1)], out: dt, weights: [1] },
    ]);
    expect(await compareExactly(cpu, 'tile', cases)).toEqual([]);
  });

  test('Concat, Transpose, Identity, Reshape, Squeeze, Unsqueeze of int64, int32, bool, float16', async () => {
    const cases: Case[] = (['int64', 'int32', 'bool', 'float16'] as DType[]).flatMap((dt): Case[] => [
      { op: 'Concat', inputs: [values(dt, [2, 3]), values(dt, [2, 1]), values(dt, [2, 4])], out: dt, attrs: { axis: int(-1) } },
      { op: 'Concat', inputs: [values(dt, [1]), values(dt, [3])], out: dt, attrs: { axis: int(0) } },
      { op: 'Transpose', inputs: [values(dt, [2, 3, 5])], out: dt, attrs: { perm: ints(2, 0, 1) } },
      { op: 'Transpose', inputs: [values(dt, [4, 1, 3])], out: dt },
      { op: 'Transpose', inputs: [values(dt, [3, 2, 2])], out: dt, attrs: { perm: ints(0, 2, 1) } },
    ]);
    cases.push(
      { op: 'Identity', inputs: [values('float16', [3, 4])], out: 'float16' },
      { op: 'Reshape', inputs: [values('float16', [2, 3, 4]), i64(0, -1)], out: 'float16', weights: [1] },
      { op: 'Flatten', inputs: [values('float16', [2, 3, 4])], out: 'float16', attrs: { axis: int(2) } },
      { op: 'Squeeze', inputs: [values('float16', [1, 5, 1]), i64(-1)], out: 'float16', weights: [1] },
      { op: 'Unsqueeze', inputs: [values('float16', [5]), i64(0, -1)], out: 'float16', weights: [1] },
    );
    expect(await compareExactly(cpu, 'layout-by-size', cases)).toEqual([]);
  });

  test('Cast float32 → float16 rounds to nearest even (ties, subnormals, overflow, NaN), float16 → float32', async () => {
    const tricky = [0, -0, 1, -1, 0.1, 65504, 65519.99, 65520, 1e6, -1e6, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 2 ** -24, 2 ** -25, 3 * 2 ** -26,
      2 ** -14, 2 ** -15 + 2 ** -25, 1e-8, Infinity, -Infinity, NaN, 3.14159, -2.71828, 1234.5678];
    const f32 = fromNumbers('float32', [tricky.length], tricky);
    const f16 = fromNumbers('float16', [tricky.length], tricky);
    const cases: Case[] = [
      { op: 'Cast', inputs: [f32], out: 'float16', attrs: { to: int(10) } },
      { op: 'Cast', inputs: [f16], out: 'float32', attrs: { to: int(1) } },
      { op: 'Cast', inputs: [f16], out: 'float16', attrs: { to: int(10) } },
      { op: 'Cast', inputs: [values('float32', [3, 7])], out: 'float16', attrs: { to: int(10) } },
    ];
    expect(await compareExactly(cpu, 'cast-f16', cases)).toEqual([]);
  });

  test('float16 Add, Sub, Mul, Div (broadcasting) and Relu, Neg, Abs, Sqrt equal the interp bit for bit', async () => {
    const h = (dims: number[], seed: number) => {
      const n = dims.reduce((a, b) => a * b, 1);
      const special = [0, -0, 65504, -65504, 6e-8, -6e-8, 1e-4, Infinity, -Infinity, NaN];
      return fromNumbers('float16', dims, Array.from({ length: n }, (_, i) => (i % 11 === 10 ? special[(i + seed) % special.length]! : Math.sin(i * 7.1 + seed) * 300)));
    };
    const pairs: [number[], number[]][] = [[[37], [37]], [[], [3, 5]], [[2, 3, 4], [4]], [[2, 1, 4], [3, 1]], [[6, 1], [1, 6]]];
    const cases: Case[] = ['Add', 'Sub', 'Mul', 'Div'].flatMap((op) => pairs.map(([a, b], k): Case => ({ op, inputs: [h(a, k), h(b, k + 5)], out: 'float16' })));
    cases.push(...['Relu', 'Neg', 'Abs', 'Sqrt'].map((op): Case => ({ op, inputs: [h([7, 13], 2)], out: 'float16' })));
    expect(await compareExactly(cpu, 'elementwise-f16', cases)).toEqual([]);
  });
});
