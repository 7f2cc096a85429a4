/**
 * float16 models on backend-cpu (float16 storage, float32 compute: plugins/backend-cpu/src/widen-f16.h): the
 * float16 nodes run the float32 kernels on float32 copies, which stay float32 between consecutive such nodes and
 * are rounded to float16 at the partition's outputs and where a float16 step reads them (as onnxruntime runs a
 * float16 model on cpu). Every model runs on cpu whole (one partition, nothing fallen back) and equals the
 * interp within the tolerance below.
 *
 * The tolerance. The interp rounds every node's output to float16; cpu rounds only the outputs. An output of a
 * node that reads only graph inputs and weights (exact float16 values) is therefore rounded once from float32 on
 * cpu and once from double on the interp: bit for bit the same except where the two land on either side of a
 * float16 rounding boundary (MAX_DIFFERING). Further down a chain the interp has also rounded each intermediate
 * (half an ulp, 2^-11 relative, per node) and cpu has not, so the outputs differ by those roundings carried
 * through the later nodes: the models' rtol/atol (1e-3 for one node, about one float16 ulp; 5e-3 and 1e-3 for
 * chains of up to 4 nodes, a few ulps per node after a sum over 72 products) bound that, and a kernel error
 * (a wrong tap, a skipped post-op, a stale float16 copy) is far above it.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { compareTensor } from '../ops/harness';
import { describeWithTools } from '../support/optional-tools';
import { F16_MODELS, writeF16Model, type F16Model } from './float16-models';
import { installCpu, int, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const rand = mulberry32(1603);

/**
 * At most this share of the elements of a first node's output (one that reads only graph inputs and weights) may
 * differ from the interp's at all: float32 and double on two sides of a float16 rounding boundary are rare (0.2 %
 * measured on the chain model's first Conv). A float16 step that rounded its input from a stale or half-written
 * copy, or a kernel computing another thing, makes most of them differ.
 */
const MAX_DIFFERING = 0.02;

/** The graph outputs of `m` computed by a node whose inputs are all graph inputs or weights. */
function firstNodeOutputs(m: F16Model): Set<string> {
  const given = new Set([...Object.keys(m.inputs), ...Object.keys(m.weights ?? {})]);
  return new Set(m.nodes.filter((n) => n.inputs.every((i) => given.has(i))).flatMap((n) => n.outputs));
}

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
        const r = cpu.run(['run', path, '--random-inputs', '--seed', '3', '--backend', backend, '--opt-level=0', '--output', out, '--explain', '--no-isolate', ...extra], { HODU_CPU_FUSE_TRACE: '1' });
        expect(r.code === 0 ? '' : r.stderr).toBe('');
        return { outputs: await loadNpz(readFileSync(out)), explain: r.stderr };
      };
      const want = await run('interp', []);
      for (const threads of ['1', '2']) {
        const got = await run('cpu', ['--threads', threads]);
        // Every node in one cpu partition: none fell back to the interp for want of a float16 kernel.
        expect(got.explain).toMatch(new RegExp(`partitions: 1, ${m.nodes.length} nodes?[^\\n]*\\n {2}#0 {2}cpu `));
        expect(got.explain).not.toContain('fell back');
        const fused = [...got.explain.matchAll(/cpu fuse: node '(\w+)' \+ (\d+) post-op/g)].map((f) => `${f[1]} + ${f[2]}`);
        expect(fused).toEqual(m.fused ?? []);
        for (const [out, w] of want.outputs) {
          const problem = compareTensor(got.outputs.get(out) as Tensor, w as Tensor, m.rtol, m.atol);
          expect(problem === null ? 'equal' : `${name} --threads ${threads}: ${out}: ${problem}`).toBe('equal');
          if (!firstNodeOutputs(m).has(out)) continue;
          const share = differing(got.outputs.get(out) as Tensor, w as Tensor) / w.data.length;
          expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
        }
      }
    }, 120_000);
  }

  // The float16 steps (Add…Sqrt widened onto the float32 kernels, Cast in cast.c) on half.h's vectorized converters: bit for bit the interp's,
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
