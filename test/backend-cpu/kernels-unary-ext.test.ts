/**
 * backend-cpu's float32 trigonometric, hyperbolic, rounding and attribute maps (unary-math.c on simd-body.h and
 * simd-trig.h) and IsNaN/IsInf (float-class.c) against the interp: odd sizes (the vector tail), 0-size dims,
 * inputs over each function's whole domain (beyond it: NaN), NaN, ±inf, ±0, halves for Round, and angles past
 * the polynomial's reduction range (the libm lanes). Every ISA path the machine has, and the portable one.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { fromNumbers } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, float, installCpu, int, type CpuHome, type KernelCase } from './support';
import { compareFed } from './fed-cases';
import { compareExactly, type Case } from './typed-cases';

const TRIG = ['Sin', 'Cos', 'Tan', 'Asin', 'Acos', 'Atan', 'Sinh', 'Cosh', 'Asinh', 'Acosh', 'Atanh'];
const OTHERS = ['Ceil', 'Floor', 'Round', 'Reciprocal', 'Sign', 'Softsign', 'ThresholdedRelu', 'Shrink'];
/** Special and edge values: NaN, ±inf, ±0, ±1 (asin/acos/atanh's ends), halves, past 2²², big angles. */
const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999997, 1e-30, -1e-30, 1e-8, 0.99999994,
  1.0000001, 3.1415927, -1.5707964, 100.25, 8191.9, 8192.5, -1e5, 1e20, 88.5, 89.2, -90, 4194304.5, 12582913, 3e38];

describeWithTools(['cc'], 'backend-cpu trigonometric, hyperbolic, rounding maps and IsNaN/IsInf equal the interp', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  // The domain of each op, as a scale of uniform inputs: asin/acos/atanh in (-1, 1), acosh from 1 (below: NaN).
  const scaleOf = (op: string) => (['Asin', 'Acos', 'Atanh'].includes(op) ? 1.1 : op === 'Acosh' ? 30 : ['Sinh', 'Cosh'].includes(op) ? 95 : 12);
  const shapes = [[1], [3, 1, 7], [257], [2, 0, 3], [4, 33]];
  for (const isa of ['', 'avx2', 'c']) {
    test(`random inputs over each domain, odd and 0-size shapes${isa ? ` (HODU_CPU_ISA=${isa})` : ''}`, async () => {
      const cases: KernelCase[] = [...TRIG, ...OTHERS].flatMap((op) => shapes.map((d) => ({ op, inputs: [d], scale: scaleOf(op) })));
      cases.push({ op: 'Sin', inputs: [[5, 64]], scale: 1e5 }, { op: 'Cos', inputs: [[5, 64]], scale: 3e4 }, { op: 'Tan', inputs: [[97]], scale: 200 });
      cases.push({ op: 'ThresholdedRelu', inputs: [[40]], attrs: { alpha: float(-0.25) } }, { op: 'Shrink', inputs: [[3, 13]], attrs: { bias: float(0.3), lambd: float(0.6) } });
      cases.push({ op: 'Reciprocal', inputs: [[61]], scale: 1e-3 }, { op: 'Round', inputs: [[99]], scale: 3e6 });
      expect(await compareWithInterp(cpu, `unary-ext${isa}`, cases, 17, isa ? { HODU_CPU_ISA: isa } : {})).toEqual([]);
    });
  }

  test('NaN, ±inf, ±0, domain ends, halves, huge and past-range values (fed as graph inputs)', async () => {
    const x = fromNumbers('float32', [SPECIAL.length], SPECIAL);
    const cases: Case[] = [...TRIG, ...OTHERS].map((op) => ({ op, inputs: [x], out: 'float32' }));
    cases.push({ op: 'Shrink', inputs: [x], out: 'float32', attrs: { bias: float(-1), lambd: float(0.5) } }, { op: 'ThresholdedRelu', inputs: [x], out: 'float32', attrs: { alpha: float(0) } });
    expect(await compareFed(cpu, 'unary-ext-special', cases)).toEqual([]);
    expect(await compareFed(cpu, 'unary-ext-special-c', cases, 17, { HODU_CPU_ISA: 'c' })).toEqual([]);
  });

  test('IsNaN, IsInf (each detect flag pair) give the interp\'s bools', async () => {
    const x = fromNumbers('float32', [SPECIAL.length], SPECIAL);
    const cases: Case[] = [
      { op: 'IsNaN', inputs: [x], out: 'bool' },
      { op: 'IsInf', inputs: [x], out: 'bool' },
      { op: 'IsInf', inputs: [x], out: 'bool', attrs: { detect_negative: int(0) } },
      { op: 'IsInf', inputs: [x], out: 'bool', attrs: { detect_positive: int(0) } },
      { op: 'IsInf', inputs: [x], out: 'bool', attrs: { detect_positive: int(0), detect_negative: int(0) } },
      { op: 'IsNaN', inputs: [fromNumbers('float32', [2, 0], [])], out: 'bool' },
    ];
    expect(await compareExactly(cpu, 'float-class', cases, 20)).toEqual([]);
  });

  test('float16 through the float32 kernels (widened): one rounding of the result, as the interp within a float16 ulp', async () => {
    const x = (dims: number[], scale: number) => fromNumbers('float16', dims, Array.from({ length: dims.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i * 12.9898) * scale));
    const cases: Case[] = [...TRIG, ...OTHERS].map((op) => ({ op, inputs: [x([5, 7], ['Asin', 'Acos', 'Atanh'].includes(op) ? 0.99 : op === 'Acosh' ? 9 : 3)], out: 'float16' }));
    cases.push({ op: 'PRelu', inputs: [x([2, 3, 4], 3), x([3, 1], 1)], out: 'float16' }, { op: 'Mod', inputs: [x([9], 20), x([9], 3)], out: 'float16', attrs: { fmod: int(1) } });
    cases.push({ op: 'Sum', inputs: [x([3, 4], 2), x([4], 2), x([3, 1], 2)], out: 'float16' }, { op: 'Mean', inputs: [x([3, 4], 2), x([4], 2)], out: 'float16' });
    // Acosh's inputs below 1 give NaN on both sides.
    expect(await compareFed(cpu, 'unary-ext-f16', cases, 17, {}, { rtol: 2e-3, atol: 1e-3 })).toEqual([]);
  });
});
