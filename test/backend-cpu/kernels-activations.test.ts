// backend-cpu's activations (activations.c), LogSoftmax (log-softmax.c) and the bool logic ops (logical.c)
// against the interp: default and given attributes, signed inputs wide enough to reach every branch (overflow
// guards of Softplus/Mish, the saturated ends of Gelu), odd and size-1 shapes, numpy broadcasting for And/Or/Xor.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { fromNumbers } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, float, int, installCpu, type CpuHome, type KernelCase } from './support';
import { compareExactly, type Case } from './typed-cases';

const str = (value: string) => ({ type: 'string' as const, value });
const SHAPES = [[1], [3, 1, 7], [257], [2, 33, 65]];

describeWithTools(['cc'], 'backend-cpu activations, LogSoftmax and logic ops equal the interp', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('HardSigmoid, Elu, Selu, Celu, Softplus, Mish: default and given attributes', async () => {
    const cases: KernelCase[] = ['HardSigmoid', 'Elu', 'Selu', 'Celu', 'Softplus', 'Mish'].flatMap((op) => SHAPES.map((d) => ({ op, inputs: [d], scale: 12 })));
    cases.push(
      { op: 'HardSigmoid', inputs: [[5, 9]], attrs: { alpha: float(0.5), beta: float(0.25) }, scale: 4 },
      { op: 'Elu', inputs: [[31]], attrs: { alpha: float(0.3) }, scale: 4 },
      { op: 'Selu', inputs: [[31]], attrs: { alpha: float(1.5), gamma: float(0.7) }, scale: 4 },
      { op: 'Celu', inputs: [[31]], attrs: { alpha: float(2.5) }, scale: 4 },
      { op: 'Softplus', inputs: [[64]], scale: 100 },
      { op: 'Mish', inputs: [[64]], scale: 100 },
    );
    expect(await compareWithInterp(cpu, 'activations', cases, 17)).toEqual([]);
  });

  test('Gelu (opset 20): approximate none and tanh', async () => {
    const cases: KernelCase[] = SHAPES.flatMap((d) => [
      { op: 'Gelu', inputs: [d], scale: 8 },
      { op: 'Gelu', inputs: [d], attrs: { approximate: str('tanh') }, scale: 8 },
      { op: 'Gelu', inputs: [d], attrs: { approximate: str('none') }, scale: 2 },
    ]);
    expect(await compareWithInterp(cpu, 'gelu', cases, 20)).toEqual([]);
  });

  test('LogSoftmax from opset 13: every axis, negative axes, size-1 axes', async () => {
    const cases: KernelCase[] = [
      { op: 'LogSoftmax', inputs: [[3, 7]], scale: 10 },
      { op: 'LogSoftmax', inputs: [[2, 5, 3]], attrs: { axis: int(1) }, scale: 10 },
      { op: 'LogSoftmax', inputs: [[2, 5, 3]], attrs: { axis: int(-3) }, scale: 10 },
      { op: 'LogSoftmax', inputs: [[4, 1]], attrs: { axis: int(1) }, scale: 10 },
      { op: 'LogSoftmax', inputs: [[1000]], scale: 50 },
    ];
    expect(await compareWithInterp(cpu, 'log-softmax-13', cases, 13)).toEqual([]);
  });

  test('LogSoftmax before opset 13: the input flattened to 2-D at axis (default 1)', async () => {
    const cases: KernelCase[] = [
      { op: 'LogSoftmax', inputs: [[2, 3, 4]], scale: 10 },
      { op: 'LogSoftmax', inputs: [[2, 3, 4]], attrs: { axis: int(0) }, scale: 10 },
      { op: 'LogSoftmax', inputs: [[2, 3, 4]], attrs: { axis: int(-1) }, scale: 10 },
      { op: 'LogSoftmax', inputs: [[5]], attrs: { axis: int(0) }, scale: 10 },
    ];
    expect(await compareWithInterp(cpu, 'log-softmax-11', cases, 11)).toEqual([]);
  });

  test('And, Or, Xor with broadcasting, Not', async () => {
    const bools = (dims: number[], seed: number) => {
      const n = dims.reduce((a, b) => a * b, 1);
      return fromNumbers('bool', dims, Array.from({ length: n }, (_, i) => ((i * 5 + seed) % 7) % 2));
    };
    const pairs: [number[], number[]][] = [[[7], [7]], [[], [3, 5]], [[2, 3, 4], [4]], [[2, 1, 4], [3, 1]], [[1], [1]], [[6, 1], [1, 6]]];
    const cases: Case[] = ['And', 'Or', 'Xor'].flatMap((op) => pairs.map(([a, b], k): Case => ({ op, inputs: [bools(a, k), bools(b, k + 3)], out: 'bool' })));
    cases.push({ op: 'Not', inputs: [bools([3, 5], 1)], out: 'bool' }, { op: 'Not', inputs: [bools([], 0)], out: 'bool' });
    expect(await compareExactly(cpu, 'logical', cases)).toEqual([]);
  });
});
