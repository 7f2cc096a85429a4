// backend-cpu against the interp under every ISA path this CPU has (HODU_CPU_ISA: the widest, avx2, c): the
// kernels of simd.h (src/simd-body.h compiled per ISA) — exp/log/sigmoid/tanh/erf approximations, the
// broadcasting rows, Softmax/LogSoftmax (also over a middle axis), Gelu, the comparisons, the norms and
// reductions — on odd sizes that leave a vector tail.
// NEON is covered by kernel-check under qemu-aarch64 (arm64.test.ts).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { DType } from '../../src/ir/dtype';
import { fromNumbers, toNumbers } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, float, i64, installCpu, int, ints, randomValues, scalar, type CpuHome, type KernelCase } from './support';
import { compareExactly, type Case } from './typed-cases';

const ISAS = process.arch === 'x64' ? ['', 'avx2', 'c'] : [''];
const variance = (dims: number[]) => fromNumbers('float32', dims, Array.from(toNumbers(randomValues(dims)), (v) => Math.abs(v) + 0.1));

describeWithTools(['cc'], 'backend-cpu vector kernels equal the interp under every ISA path (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  const compareUnderEveryIsa = async (name: string, cases: KernelCase[]) => {
    for (const isa of ISAS) expect(await compareWithInterp(cpu, `${name}-${isa || 'auto'}`, cases, 17, isa ? { HODU_CPU_ISA: isa } : {})).toEqual([]);
  };

  test('Exp, Log, Sigmoid, Tanh, Erf, Relu, HardSwish, Sqrt over wide ranges and tails of every width', async () => {
    const ops = ['Exp', 'Log', 'Sigmoid', 'Tanh', 'Erf', 'Relu', 'HardSwish', 'Sqrt'];
    const cases: KernelCase[] = ops.flatMap((op) => [[1], [3, 5], [33], [1029]].map((d) => ({ op, inputs: [d], scale: op === 'Exp' ? 80 : 12 })));
    cases.push({ op: 'Exp', inputs: [[257]], scale: 2 }, { op: 'Log', inputs: [[257]], scale: 1e-3 }, { op: 'Tanh', inputs: [[257]], scale: 0.7 });
    await compareUnderEveryIsa('unary', cases);
  });

  test('Add, Div, Pow (x², x³, √x, any), Max, Min, Clip: contiguous, broadcast and strided rows', async () => {
    const cases: KernelCase[] = [
      { op: 'Add', inputs: [[3, 37], [37]] },
      { op: 'Div', inputs: [[5, 1, 19], [1, 4, 1]] },
      { op: 'Pow', inputs: [[3, 41], scalar(2)], scale: 5 },
      { op: 'Pow', inputs: [[41], scalar(3)], scale: 5 },
      { op: 'Pow', inputs: [[41], scalar(0.5)], scale: 5 },
      { op: 'Pow', inputs: [[2, 17], [17]], scale: 2 },
      { op: 'Max', inputs: [[4, 23], [4, 1]] },
      { op: 'Min', inputs: [[23], [23]] },
      { op: 'Clip', inputs: [[45], scalar(-0.5), scalar(0.25)] },
    ];
    await compareUnderEveryIsa('rows', cases);
  });

  test('Softmax (last and middle axis), LayerNormalization, BatchNormalization, ReduceSum/Max over the last axis', async () => {
    const cases: KernelCase[] = [
      { op: 'Softmax', inputs: [[3, 1000]], scale: 20 },
      { op: 'Softmax', inputs: [[2, 17, 5]], attrs: { axis: int(1) }, scale: 8 },
      { op: 'Softmax', inputs: [[4, 1]] },
      { op: 'LayerNormalization', inputs: [[3, 771], randomValues([771]), randomValues([771])], scale: 3 },
      { op: 'LayerNormalization', inputs: [[5, 13], randomValues([13])], attrs: { epsilon: float(1e-3) } },
      { op: 'BatchNormalization', inputs: [[2, 3, 7, 9], randomValues([3]), randomValues([3]), randomValues([3]), variance([3])] },
      { op: 'ReduceSum', inputs: [[3, 1027], i64(1)], attrs: { keepdims: int(1) } },
      { op: 'ReduceMax', inputs: [[5, 33]], attrs: { axes: ints(1) } },
    ];
    await compareUnderEveryIsa('norms', cases);
  });

  test('Softmax and LogSoftmax over a middle axis: columns past one block of 512, vector tails, an axis of 1; Gelu (erf form)', async () => {
    const cases: KernelCase[] = [
      { op: 'Softmax', inputs: [[2, 7, 1037]], attrs: { axis: int(1) }, scale: 30 },
      { op: 'Softmax', inputs: [[3, 1, 13]], attrs: { axis: int(1) } },
      { op: 'Softmax', inputs: [[5, 3, 3]], attrs: { axis: int(-3) }, scale: 10 },
      { op: 'LogSoftmax', inputs: [[2, 7, 1037]], attrs: { axis: int(1) }, scale: 30 },
      { op: 'LogSoftmax', inputs: [[300, 3]], attrs: { axis: int(0) }, scale: 5 },
      { op: 'LogSoftmax', inputs: [[2, 1, 9]], attrs: { axis: int(1) } },
      ...[[1], [7], [33], [1029]].map((d) => ({ op: 'Gelu', inputs: [d], scale: 7 })),
    ];
    for (const isa of ISAS) expect(await compareWithInterp(cpu, `softmax-axis-${isa || 'auto'}`, cases, 20, isa ? { HODU_CPU_ISA: isa } : {})).toEqual([]);
  });

  test('Equal, Less, LessOrEqual, Greater, GreaterOrEqual: NaN, ±inf, ±0, vector tails, broadcasting either side', async () => {
    const rand = mulberry32(5);
    const special = [NaN, Infinity, -Infinity, 0, -0, 1.5, -1.5, 3e38];
    const values = (dtype: DType, dims: number[]) => {
      const n = dims.reduce((a, b) => a * b, 1);
      const v = Array.from({ length: n }, (_, i) => (dtype === 'float32' && i % 5 === 0 ? special[(i / 5) % special.length]! : Math.floor(rand() * 5) - 2));
      return fromNumbers(dtype, dims, dtype === 'int64' ? v.map((x, i) => (i % 7 === 3 ? 2 ** 40 * x : x)) : v);
    };
    const shapes: [number[], number[]][] = [[[67], [67]], [[3, 37], [37]], [[3, 37], [3, 1]], [[], [71]], [[2, 1, 35], [1, 3, 1]]];
    const cases: Case[] = ['Equal', 'Less', 'LessOrEqual', 'Greater', 'GreaterOrEqual'].flatMap((op) =>
      (['float32', 'int64', 'int32'] as DType[]).flatMap((dt) => shapes.map(([a, b]) => ({ op, inputs: [values(dt, a), values(dt, b)], out: 'bool' as DType }))),
    );
    for (const isa of ISAS) expect(await compareExactly(cpu, `compare-${isa || 'auto'}`, cases, 17, isa ? { HODU_CPU_ISA: isa } : {})).toEqual([]);
  });
});
