// backend-cpu against the interp: Sqrt, Exp, Log, Neg, Abs, LeakyRelu, Pow, Max, Min (unary-math.c, binary-math.c).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, explainOnCpu, float, installCpu, interpPartitions, randomValues, scalar, type CpuHome, type KernelCase } from './support';

const BROADCASTS: [number[], number[]][] = [
  [[7], [7]], [[], [3, 5]], [[2, 3, 4], []], [[2, 3, 4], [4]], [[2, 1, 4], [3, 1]],
  [[1, 5, 1, 3], [2, 1, 4, 1]], [[6, 1], [1, 6]], [[1], [1]], [[2, 3, 4, 5, 3], [3, 1, 5, 1]],
];

describeWithTools(['cc'], 'backend-cpu elementwise math kernels equal the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('Sqrt, Exp, Log, Neg, Abs: signed inputs (NaN for Sqrt and Log of negatives), size-1 and odd sizes', async () => {
    const cases: KernelCase[] = ['Sqrt', 'Exp', 'Log', 'Neg', 'Abs'].flatMap((op) => [[1], [3, 1, 7], [257], []].map((d) => ({ op, inputs: [d], scale: 8 })));
    expect(await compareWithInterp(cpu, 'unary-math', cases)).toEqual([]);
  });

  test('LeakyRelu: the default alpha, a given one, a negative one', async () => {
    const cases: KernelCase[] = [
      { op: 'LeakyRelu', inputs: [[4, 9]] },
      { op: 'LeakyRelu', inputs: [[33]], attrs: { alpha: float(0.2) } },
      { op: 'LeakyRelu', inputs: [[2, 1, 5]], attrs: { alpha: float(-1.5) } },
    ];
    expect(await compareWithInterp(cpu, 'leaky-relu', cases)).toEqual([]);
  });

  test('Pow: broadcasting, a constant square (exact product), roots and cubes of signed bases', async () => {
    // Exponents in [-2, 2): negative bases with fractional exponents give NaN on both sides.
    const cases: KernelCase[] = BROADCASTS.map(([a, b]) => ({ op: 'Pow', inputs: [a, b], scale: 2 }));
    cases.push(
      { op: 'Pow', inputs: [[3, 17], scalar(2)], scale: 5 },
      { op: 'Pow', inputs: [[3, 17], scalar(3)], scale: 5 },
      { op: 'Pow', inputs: [[29], scalar(0.5)], scale: 5 },
      { op: 'Pow', inputs: [[2, 5], randomValues([5], 3)], scale: 3 },
    );
    expect(await compareWithInterp(cpu, 'pow', cases)).toEqual([]);
  });

  test('Max, Min: one input, two with broadcasting on both sides, a constant bound', async () => {
    const cases: KernelCase[] = ['Max', 'Min'].flatMap((op) => [
      ...BROADCASTS.map(([a, b]) => ({ op, inputs: [a, b] })),
      { op, inputs: [[4, 3]] },
      { op, inputs: [[2, 31], scalar(0.25)] },
    ]);
    expect(await compareWithInterp(cpu, 'max-min', cases)).toEqual([]);
  });

  test('Max of three inputs is refused at create() and runs on the interp (never a wrong answer)', async () => {
    const stderr = await explainOnCpu(cpu, 'max3', [{ op: 'Max', inputs: [[3], [3], [3]] }]);
    expect(interpPartitions(stderr).join('\n')).toContain('Max');
  });
});
