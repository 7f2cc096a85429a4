/**
 * backend-cpu's PRelu, Mod, Sum, Mean (binary-math.c), integer Abs/Neg/Sign/Mod (int-math.c), bitwise ops and
 * BitShift (bitwise.c) against the interp, every input fed as a graph input (so NaN, ±inf, −0 and the integer
 * limits reach the plugin): broadcasting on either side (PRelu's per-channel slope, before opset 7 too), 0-size
 * dims, Mod's sign rules (fmod 0 and 1, zero divisors, MIN mod −1), the wrap of |INT_MIN|, shifts past the
 * width. Floats at support.ts's tolerance (fed-cases.ts), integers exactly (typed-cases.ts).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { DType } from '../../src/ir/dtype';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { describeWithTools } from '../support/optional-tools';
import { compareFed } from './fed-cases';
import { installCpu, int, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const rand = mulberry32(1103);
const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 2.5, -2.5, 7, -7, 1e-30, 3e38];
/** Floats uniform in [-scale, scale), then the special values over the first elements. */
function floats(dims: number[], scale = 4, special = false): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const v = Array.from({ length: n }, (_, i) => (special && i < SPECIAL.length ? SPECIAL[i]! : (rand() * 2 - 1) * scale));
  return fromNumbers('float32', dims, v);
}
/** Integers in [lo, hi], with `edges` over the first elements. */
function ints(dtype: DType, dims: number[], lo: number, hi: number, edges: number[] = []): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  return fromNumbers(dtype, dims, Array.from({ length: n }, (_, i) => (i < edges.length ? edges[i]! : lo + Math.floor(rand() * (hi - lo + 1)))));
}

describeWithTools(['cc'], 'backend-cpu PRelu, Mod, Sum, Mean, integer and bitwise elementwise ops equal the interp', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  const f32 = (op: string, inputs: Tensor[], attrs?: Case['attrs']): Case => ({ op, inputs, out: 'float32', attrs });

  test('PRelu: per-channel, per-element, scalar and trailing-axis slopes, odd and 0-size shapes, special inputs', async () => {
    const cases: Case[] = [
      f32('PRelu', [floats([2, 3, 4, 5], 4, true), floats([3, 1, 1])]),
      f32('PRelu', [floats([1, 17, 3, 7]), floats([17, 1, 1])]),
      f32('PRelu', [floats([2, 3, 4, 5]), floats([5])]),
      f32('PRelu', [floats([33]), floats([])]),
      f32('PRelu', [floats([2, 3, 4, 5]), floats([2, 3, 4, 5])]),
      f32('PRelu', [floats([1, 3, 1, 2]), floats([1, 3, 1, 1])]),
      f32('PRelu', [floats([2, 0, 3]), floats([3])]),
    ];
    for (const isa of ['', 'c']) expect(await compareFed(cpu, `prelu${isa}`, cases, 17, isa ? { HODU_CPU_ISA: isa } : {})).toEqual([]);
    // Before opset 7 a 1-D slope of C values is per channel (axis 1), not per trailing element.
    expect(await compareFed(cpu, 'prelu-6', [f32('PRelu', [floats([2, 4, 3, 5]), floats([4])])], 6)).toEqual([]);
  });

  test('Sum, Mean: one to four inputs, each broadcast differently; 0-size', async () => {
    const cases: Case[] = ['Sum', 'Mean'].flatMap((op) => [
      f32(op, [floats([3, 5], 4, true)]),
      f32(op, [floats([2, 3, 4]), floats([4])]),
      f32(op, [floats([2, 1, 4]), floats([3, 1]), floats([4], 4, true)]),
      f32(op, [floats([1]), floats([2, 3, 1, 5]), floats([3, 1, 1]), floats([2, 1, 1, 1])]),
      f32(op, [floats([2, 0]), floats([1])]),
    ]);
    expect(await compareFed(cpu, 'sum-mean', cases)).toEqual([]);
  });

  test('Mod (float32, fmod 1): signs of both operands, zero and infinite divisors, NaN, broadcasting', async () => {
    const fmod = { fmod: int(1) };
    const cases: Case[] = [
      f32('Mod', [floats([4, 13], 20, true), floats([4, 13], 6, true)], fmod),
      f32('Mod', [floats([3, 7], 100), floats([7], 3)], fmod),
      f32('Mod', [floats([SPECIAL.length], 1, true), floats([], 2.5)], fmod),
    ];
    expect(await compareFed(cpu, 'mod-f32', cases)).toEqual([]);
  });

  test('integer Mod (fmod 0 and 1) of every width: mixed signs, zero divisors, MIN mod -1, broadcasting', async () => {
    const cases: Case[] = [];
    const widths: [DType, number, number][] = [['int8', -128, 127], ['int16', -32768, 32767], ['int32', -2147483648, 2147483647], ['int64', -(2 ** 53), 2 ** 53],
      ['uint8', 0, 255], ['uint16', 0, 65535], ['uint32', 0, 4294967295], ['uint64', 0, 2 ** 53]];
    for (const [dtype, lo, hi] of widths) {
      for (const fmod of [0, 1]) {
        const a = ints(dtype, [3, 11], -50, 50, [lo, lo, hi, 0, 7, -7, 7, -7, 13]);
        const b = ints(dtype, [3, 11], -9, 9, [-1, 0, 3, 5, 3, 3, -3, -3, 0]);
        cases.push({ op: 'Mod', inputs: [a, b], out: dtype, attrs: { fmod: int(fmod) } });
        cases.push({ op: 'Mod', inputs: [ints(dtype, [2, 3, 5], -40, 40), ints(dtype, [5], 1, 9)], out: dtype, attrs: { fmod: int(fmod) } });
      }
    }
    expect(await compareExactly(cpu, 'mod-int', cases)).toEqual([]);
  });

  test('integer Abs, Neg, Sign: the limits (|INT_MIN| wraps), zero, odd sizes', async () => {
    const i64 = ints('int64', [17], -1000, 1000, [-(2 ** 63), 0, -1, 1]);
    (i64.data as BigInt64Array)[4] = 9223372036854775807n;
    const i32 = ints('int32', [33], -1000, 1000, [-2147483648, 2147483647, 0, -1]);
    const cases: Case[] = ['Abs', 'Neg', 'Sign'].flatMap((op) => [i64, i32].map((t) => ({ op, inputs: [t], out: t.dtype })));
    expect(await compareExactly(cpu, 'int-unary', cases, 17)).toEqual([]);
  });

  test('BitwiseAnd/Or/Xor/Not of every width, broadcasting; BitShift left and right past the width', async () => {
    const cases: Case[] = [];
    for (const [dtype, lo, hi] of [['int8', -128, 127], ['int16', -32768, 32767], ['int32', -2147483648, 2147483647], ['int64', -(2 ** 53), 2 ** 53], ['uint8', 0, 255], ['uint32', 0, 4294967295], ['uint64', 0, 2 ** 53]] as [DType, number, number][]) {
      for (const op of ['BitwiseAnd', 'BitwiseOr', 'BitwiseXor']) cases.push({ op, inputs: [ints(dtype, [3, 9], lo, hi), ints(dtype, [9], lo, hi)], out: dtype });
      cases.push({ op: 'BitwiseNot', inputs: [ints(dtype, [19], lo, hi, [lo, hi, 0])], out: dtype });
    }
    for (const [dtype, bits, hi] of [['uint8', 8, 255], ['uint16', 16, 65535], ['uint32', 32, 4294967295], ['uint64', 64, 2 ** 53]] as [DType, number, number][]) {
      for (const direction of ['LEFT', 'RIGHT']) {
        const attrs = { direction: { type: 'string' as const, value: direction } };
        cases.push({ op: 'BitShift', inputs: [ints(dtype, [4, 7], 0, hi, [hi, 1, hi]), ints(dtype, [4, 7], 0, bits + 2, [bits - 1, bits, bits + 1])], out: dtype, attrs });
        cases.push({ op: 'BitShift', inputs: [ints(dtype, [2, 5], 0, hi), ints(dtype, [], 3, 3)], out: dtype, attrs });
      }
    }
    expect(await compareExactly(cpu, 'bitwise', cases, 18)).toEqual([]);
  });
});
