/**
 * float16 models on backend-cpu (float16 storage, float32 compute: plugins/backend-cpu/src/widen-f16.h): the
 * ops without a float16 kernel (Conv, MatMul, Gemm, LayerNorm, Softmax, pooling) run the float32 kernels on
 * float32 copies, each output rounded to float16 as the interp rounds it. Every model runs on cpu whole (one
 * partition, nothing fallen back: before, these nodes ran on the interp) and equals the interp within one or
 * two float16 steps: the two compute in float32 and double, so an output near a rounding boundary of float16
 * (2^-11 relative) may round the other way, and a later node carries that step on.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { compareTensor } from '../ops/harness';
import { describeWithTools } from '../support/optional-tools';
import { F16_MODELS, writeF16Model } from './float16-models';
import { installCpu, int, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const rand = mulberry32(1603);

/**
 * At most this share of elements may differ from the interp's at all. Both round every node's output to
 * float16, so outputs differ only where float32 and double land on two sides of a float16 rounding boundary
 * (rare) and where such a step is carried on. Keeping float32 between widened nodes instead makes about 40 %
 * of a second Conv's outputs differ (measured on the chain model of float16-models.ts): this bound is what tells them apart.
 */
const MAX_DIFFERING = 0.02;

/** Elements of `got` whose bits differ from `want`'s (same dtype and dims: compareTensor checks them). */
function differing(got: Tensor, want: Tensor): number {
  const a = got.data as Uint16Array, b = want.data as Uint16Array;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

describeWithTools(['cc'], 'backend-cpu runs float16 models (float32 compute) like the interp', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  for (const [name, m] of Object.entries(F16_MODELS)) {
    test(`${name}: all on cpu, equal to the interp (rtol ${m.rtol}, atol ${m.atol}) at 1 and 2 threads`, async () => {
      const path = writeF16Model(join(cpu.dir, `${name}.onnx`), m);
      const run = async (backend: string, extra: string[]) => {
        const out = join(cpu.dir, `${name}-${backend}${extra.join('')}.npz`);
        const r = cpu.run(['run', path, '--random-inputs', '--seed', '3', '--backend', backend, '--opt-level=0', '--output', out, '--explain', ...extra]);
        expect(r.code === 0 ? '' : r.stderr).toBe('');
        return { outputs: await loadNpz(readFileSync(out)), explain: r.stderr };
      };
      const want = await run('interp', []);
      for (const threads of ['1', '2']) {
        const got = await run('cpu', ['--threads', threads]);
        // Every node in one cpu partition: none fell back to the interp for want of a float16 kernel.
        expect(got.explain).toMatch(new RegExp(`partitions: 1, ${m.nodes.length} nodes?[^\\n]*\\n {2}#0 {2}cpu `));
        expect(got.explain).not.toContain('fell back');
        for (const [out, w] of want.outputs) {
          const problem = compareTensor(got.outputs.get(out) as Tensor, w as Tensor, m.rtol, m.atol);
          expect(problem === null ? 'equal' : `${name} --threads ${threads}: ${out}: ${problem}`).toBe('equal');
          const share = differing(got.outputs.get(out) as Tensor, w as Tensor) / w.data.length;
          expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
        }
      }
    }, 120_000);
  }

  // The float16 kernels (elementwise-f16.c, cast.c) on half.h's vectorized converters: bit for bit the interp's,
  // on special values (NaN, ±inf, ±0, subnormals, overflow to inf) and past a vector's width and a block (512).
  test('Add, Sub, Mul, Div (broadcast), Relu, Neg, Abs, Sqrt and Cast of float16 equal the interp bit for bit', async () => {
    const special = [NaN, Infinity, -Infinity, 0, -0, 2 ** -24, -(2 ** -20), 6e-5, 65504, -65504, 1, -1.5, 0.333, 1000, -7];
    const values = (n: number) => Array.from({ length: n }, (_, i) => (i < special.length ? special[i]! : (rand() * 2 - 1) * 300));
    const h = (dims: number[]) => fromNumbers('float16', dims, values(dims.reduce((a, b) => a * b, 1)));
    const cases: Case[] = [];
    for (const op of ['Add', 'Sub', 'Mul', 'Div']) {
      cases.push({ op, inputs: [h([1037]), h([1037])], out: 'float16' });
      cases.push({ op, inputs: [h([3, 5, 7]), h([5, 1])], out: 'float16' });
      cases.push({ op, inputs: [h([]), h([2, 600])], out: 'float16' });
    }
    for (const op of ['Relu', 'Neg', 'Abs', 'Sqrt']) cases.push({ op, inputs: [h([3, 347])], out: 'float16' });
    cases.push({ op: 'Cast', inputs: [h([1037])], out: 'float32', attrs: { to: int(1) } });
    const wide = fromNumbers('float32', [1037], Array.from({ length: 1037 }, (_, i) => (i < special.length ? special[i]! : (rand() * 2 - 1) * 2 ** ((i % 40) - 26))));
    cases.push({ op: 'Cast', inputs: [wide], out: 'float16', attrs: { to: int(10) } });
    expect(await compareExactly(cpu, 'f16-elementwise', cases)).toEqual([]);
  });
});
