// backend-cpu against the interp: MatMul, Gemm, broadcasting binary ops, unary ops, Clip, Softmax.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, float, installCpu, int, randomValues, scalar, type CpuHome, type KernelCase } from './support';

describeWithTools(['cc'], 'backend-cpu math kernels equal the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('MatMul: odd sizes, 1-D operands, batched and broadcast batches, weights in place, sizes past one block', async () => {
    const cases: KernelCase[] = [
      { op: 'MatMul', inputs: [[1, 1], [1, 1]] },
      { op: 'MatMul', inputs: [[7, 13], [13, 5]] },
      { op: 'MatMul', inputs: [[1, 37], [37, 19]] }, // M = 1: the row path
      { op: 'MatMul', inputs: [[2, 37], [37, 7]] }, // a row narrower than one vector (K not a multiple of 4)
      { op: 'MatMul', inputs: [[1, 37], randomValues([37, 7])] }, // the same over the packed weights
      { op: 'MatMul', inputs: [[2, 37], [37, 41]] },
      { op: 'MatMul', inputs: [[15, 33], [33, 33]] }, // one more than a micro-tile each way
      { op: 'MatMul', inputs: [[9], [9, 4]] },
      { op: 'MatMul', inputs: [[3, 9], [9]] },
      { op: 'MatMul', inputs: [[2, 3, 5, 7], [7, 6]] },
      { op: 'MatMul', inputs: [[3, 1, 4, 6], [1, 5, 6, 2]] },
      { op: 'MatMul', inputs: [[4, 6], [2, 3, 6, 5]] },
      { op: 'MatMul', inputs: [[45, 70], randomValues([70, 29])] },
      { op: 'MatMul', inputs: [[200, 400], [400, 70]] }, // K > one KC block, M > one MC block
      // A constant B is packed once at create(): alone, shared by batches, and past one KC block.
      { op: 'MatMul', inputs: [[2, 3, 5, 7], randomValues([7, 6])] },
      { op: 'MatMul', inputs: [[1, 3], randomValues([3, 1])] },
      { op: 'MatMul', inputs: [[9, 450], randomValues([450, 33])] },
      { op: 'MatMul', inputs: [[2, 4, 6], randomValues([2, 6, 5])] }, // a constant batched B: packed per run
    ];
    expect(await compareWithInterp(cpu, 'matmul', cases)).toEqual([]);
  });

  test('every sgemm micro-kernel (HODU_CPU_ISA: the widest this CPU has, avx2, c) on edge tiles of every height', async () => {
    // M from 1 to 17 covers every edge-tile height of the 14-, 6- and 4-row kernels; N = 37 an edge column panel.
    const cases: KernelCase[] = Array.from({ length: 17 }, (_, i) => ({ op: 'MatMul', inputs: [[i + 1, 23], [23, 37]] }));
    cases.push({ op: 'Gemm', inputs: [[29, 50], [45, 29]], attrs: { transA: int(1), transB: int(1) } });
    cases.push({ op: 'Gemm', inputs: [[7, 30], randomValues([41, 30])], attrs: { transB: int(1) } }); // B packed at create()
    for (const isa of ['', 'avx2', 'c']) {
      expect(await compareWithInterp(cpu, `isa-${isa || 'auto'}`, cases, 17, isa ? { HODU_CPU_ISA: isa } : {})).toEqual([]);
    }
  });

  test('Gemm: transposes, alpha/beta, C broadcast as scalar, row, column and full', async () => {
    const cases: KernelCase[] = [
      { op: 'Gemm', inputs: [[5, 7], [7, 3]] },
      { op: 'Gemm', inputs: [[7, 5], [7, 3]], attrs: { transA: int(1) } },
      { op: 'Gemm', inputs: [[5, 7], [3, 7], [3]], attrs: { transB: int(1) } },
      { op: 'Gemm', inputs: [[7, 5], [3, 7], [5, 1]], attrs: { transA: int(1), transB: int(1), alpha: float(0.5), beta: float(-2) } },
      { op: 'Gemm', inputs: [[1, 64], randomValues([10, 64]), randomValues([10])], attrs: { transB: int(1) } },
      { op: 'Gemm', inputs: [[33, 17], [17, 35], [1]], attrs: { beta: float(0.25) } },
      { op: 'Gemm', inputs: [[33, 17], [17, 35], [33, 35]], attrs: { alpha: float(3) } },
      { op: 'Gemm', inputs: [[2, 40], randomValues([40, 37]), randomValues([37])], attrs: { beta: float(0.5) } },
      { op: 'Gemm', inputs: [[3, 19], randomValues([3, 50]), [19, 1]], attrs: { transA: int(1), alpha: float(-1) } },
    ];
    expect(await compareWithInterp(cpu, 'gemm', cases)).toEqual([]);
  });

  test('Add, Sub, Mul, Div: equal shapes, scalars, size-1 dims and broadcasting on both sides', async () => {
    const shapes: [number[], number[]][] = [
      [[7], [7]], [[], [3, 5]], [[2, 3, 4], []], [[2, 3, 4], [4]], [[2, 1, 4], [3, 1]],
      [[1, 5, 1, 3], [2, 1, 4, 1]], [[6, 1], [1, 6]], [[1], [1]], [[2, 3, 4, 5, 3], [3, 1, 5, 1]],
    ];
    const cases = ['Add', 'Sub', 'Mul', 'Div'].flatMap((op) => shapes.map(([a, b]) => ({ op, inputs: [a, b] })));
    expect(await compareWithInterp(cpu, 'binary', cases)).toEqual([]);
  });

  test('Relu, Sigmoid, Tanh and Clip (attributes before opset 11)', async () => {
    // Inputs in [-20, 20): Sigmoid and Tanh saturate at both ends.
    const cases: KernelCase[] = ['Relu', 'Sigmoid', 'Tanh'].flatMap((op) => [[1], [3, 1, 7], [257]].map((d) => ({ op, inputs: [d], scale: 20 })));
    expect(await compareWithInterp(cpu, 'unary', cases)).toEqual([]);
    const old: KernelCase[] = [
      { op: 'Clip', inputs: [[4, 9]], attrs: { min: float(-0.25), max: float(0.5) } },
      { op: 'Clip', inputs: [[17]], attrs: { max: float(0.1) } },
      { op: 'Clip', inputs: [[17]] },
    ];
    expect(await compareWithInterp(cpu, 'clip-opset6', old, 6)).toEqual([]);
  });

  test('Clip from opset 11: min and max as inputs, each optional; min > max gives max', async () => {
    const cases: KernelCase[] = [
      { op: 'Clip', inputs: [[5, 6], scalar(-0.3), scalar(0.4)] },
      { op: 'Clip', inputs: [[5, 6], null, scalar(0.2)] },
      { op: 'Clip', inputs: [[5, 6], scalar(0.1)] },
      { op: 'Clip', inputs: [[5, 6], [], []] },
      { op: 'Clip', inputs: [[5, 6], scalar(0.5), scalar(-0.5)] },
      { op: 'Clip', inputs: [[3]] },
    ];
    expect(await compareWithInterp(cpu, 'clip', cases)).toEqual([]);
  });

  test('Softmax over every axis, negative axes, and the 2-D coercion before opset 13', async () => {
    const cases: KernelCase[] = [-3, -2, -1, 0, 1, 2].map((axis) => ({ op: 'Softmax', inputs: [[3, 4, 5]], attrs: { axis: int(axis) } }));
    cases.push({ op: 'Softmax', inputs: [[1, 1]] }, { op: 'Softmax', inputs: [[2, 1000]] });
    expect(await compareWithInterp(cpu, 'softmax', cases)).toEqual([]);
    const old: KernelCase[] = [0, 1, 2, -1].map((axis) => ({ op: 'Softmax', inputs: [[3, 4, 5]], attrs: { axis: int(axis) } }));
    expect(await compareWithInterp(cpu, 'softmax-opset11', old, 11)).toEqual([]);
  });
});
