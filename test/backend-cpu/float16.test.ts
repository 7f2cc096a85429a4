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
import type { Attribute, Node } from '../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { buildModel, writeModelFile } from '../e2e/hodu';
import { compareTensor } from '../ops/harness';
import { describeWithTools } from '../support/optional-tools';
import { installCpu, int, ints, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const rand = mulberry32(1603);
/** float16 weights uniform in [-scale, scale). */
const weight = (dims: number[], scale = 0.5): Tensor =>
  fromNumbers('float16', dims, Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => (rand() * 2 - 1) * scale));
const f16 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float16' as const, shape });
const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Record<string, Attribute> = {}): Node =>
  ({ name, op, domain: '', inputs, outputs, attributes });

interface F16Model {
  nodes: Node[];
  inputs: Record<string, number[]>;
  outputs: Record<string, number[]>;
  weights?: Record<string, Tensor>;
  /** Tolerance against the interp: one float16 step (rtol 1e-3) for one node, more for a chain. */
  rtol: number;
  atol: number;
}

/**
 * At most this share of elements may differ from the interp's at all. Both round every node's output to
 * float16, so outputs differ only where float32 and double land on two sides of a float16 rounding boundary
 * (rare) and where such a step is carried on. Keeping float32 between widened nodes instead makes about 40 %
 * of a second Conv's outputs differ (measured on the chain model below): this bound is what tells them apart.
 */
const MAX_DIFFERING = 0.02;

/** Elements of `got` whose bits differ from `want`'s (same dtype and dims: compareTensor checks them). */
function differing(got: Tensor, want: Tensor): number {
  const a = got.data as Uint16Array, b = want.data as Uint16Array;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

const MODELS: Record<string, F16Model> = {
  conv: {
    nodes: [node('conv', 'Conv', ['x', 'w', 'b'], ['y'], { pads: ints(1, 1, 1, 1) })],
    inputs: { x: [2, 5, 9, 7] }, outputs: { y: [2, 6, 9, 7] }, weights: { w: weight([6, 5, 3, 3]), b: weight([6]) }, rtol: 1e-3, atol: 1e-4,
  },
  // 64 channels of 56²: 200704 outputs, enough for the conversions to be split between threads.
  'conv-large': {
    nodes: [node('conv', 'Conv', ['x', 'w'], ['y'], { pads: ints(1, 1, 1, 1) })],
    inputs: { x: [1, 16, 56, 56] }, outputs: { y: [1, 64, 56, 56] }, weights: { w: weight([64, 16, 3, 3], 0.2) }, rtol: 1e-3, atol: 1e-4,
  },
  matmul: {
    nodes: [node('mm', 'MatMul', ['a', 'b'], ['y']), node('mmw', 'MatMul', ['a', 'w'], ['z'])],
    inputs: { a: [3, 7, 33], b: [3, 33, 9] }, outputs: { y: [3, 7, 9], z: [3, 7, 17] }, weights: { w: weight([33, 17]) }, rtol: 1e-3, atol: 1e-4,
  },
  gemm: {
    nodes: [node('gemm', 'Gemm', ['a', 'w', 'c'], ['y'], { transB: int(1), alpha: { type: 'float', value: 0.5 } })],
    inputs: { a: [5, 40] }, outputs: { y: [5, 11] }, weights: { w: weight([11, 40]), c: weight([11]) }, rtol: 1e-3, atol: 1e-4,
  },
  layernorm: {
    nodes: [node('ln', 'LayerNormalization', ['x', 'g', 'b'], ['y'], { axis: int(-1) })],
    inputs: { x: [4, 6, 24] }, outputs: { y: [4, 6, 24] }, weights: { g: weight([24], 1), b: weight([24]) }, rtol: 1e-3, atol: 1e-4,
  },
  // Consecutive widened nodes (no float16 kernel between them), every link a graph output.
  chain: {
    nodes: [
      node('c1', 'Conv', ['x', 'w1'], ['a'], { pads: ints(1, 1, 1, 1) }),
      node('c2', 'Conv', ['a', 'w2'], ['b'], { pads: ints(1, 1, 1, 1) }),
      node('mm', 'MatMul', ['b', 'w3'], ['c']),
      node('ln', 'LayerNormalization', ['c', 'g'], ['y'], { axis: int(-1) }),
    ],
    inputs: { x: [1, 8, 12, 12] },
    outputs: { a: [1, 8, 12, 12], b: [1, 8, 12, 12], c: [1, 8, 12, 12], y: [1, 8, 12, 12] },
    weights: { w1: weight([8, 8, 3, 3], 0.2), w2: weight([8, 8, 3, 3], 0.2), w3: weight([12, 12], 0.4), g: weight([12], 1) },
    rtol: 5e-3, atol: 1e-3,
  },
  softmax: {
    nodes: [node('sm', 'Softmax', ['x'], ['y'], { axis: int(1) })],
    inputs: { x: [3, 17, 5] }, outputs: { y: [3, 17, 5] }, rtol: 1e-3, atol: 1e-5,
  },
  // A small CNN: chains of widened nodes (Conv → MaxPool → Conv), native float16 ones between them (Relu,
  // Add, Flatten), an intermediate that is also a graph output (a), and a graph input read by two nodes.
  cnn: {
    nodes: [
      node('c1', 'Conv', ['x', 'w1', 'b1'], ['a'], { pads: ints(1, 1, 1, 1) }),
      node('p1', 'MaxPool', ['a'], ['p'], { kernel_shape: ints(2, 2), strides: ints(2, 2) }),
      node('c2', 'Conv', ['p', 'w2', 'b2'], ['c'], { pads: ints(1, 1, 1, 1), strides: ints(2, 2) }),
      node('r2', 'Relu', ['c'], ['d']),
      node('c3', 'Conv', ['x', 'w3'], ['e'], { strides: ints(4, 4), kernel_shape: ints(1, 1) }),
      node('add', 'Add', ['d', 'e'], ['f']),
      node('gap', 'GlobalAveragePool', ['f'], ['g']),
      node('flat', 'Flatten', ['g'], ['h']),
      node('fc', 'Gemm', ['h', 'w4', 'b4'], ['l'], { transB: int(1) }),
      node('sm', 'Softmax', ['l'], ['y']),
    ],
    inputs: { x: [2, 3, 16, 16] },
    outputs: { y: [2, 10], a: [2, 8, 16, 16] },
    weights: { w1: weight([8, 3, 3, 3]), b1: weight([8]), w2: weight([16, 8, 3, 3], 0.3), b2: weight([16]), w3: weight([16, 3, 1, 1]), w4: weight([10, 16]), b4: weight([10]) },
    rtol: 5e-3, atol: 1e-3,
  },
};

describeWithTools(['cc'], 'backend-cpu runs float16 models (float32 compute) like the interp', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  for (const [name, m] of Object.entries(MODELS)) {
    test(`${name}: all on cpu, equal to the interp (rtol ${m.rtol}, atol ${m.atol}) at 1 and 2 threads`, async () => {
      const path = writeModelFile(join(cpu.dir, `${name}.onnx`), buildModel({
        nodes: m.nodes,
        inputs: Object.entries(m.inputs).map(([n, s]) => ({ name: n, type: f16(s) })),
        outputs: Object.entries(m.outputs).map(([n, s]) => ({ name: n, type: f16(s) })),
        initializers: new Map(Object.entries(m.weights ?? {})),
      }));
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
