// backend-cpu's Conv fused with the elementwise steps after it (plugins/backend-cpu/src/fuse.c) against the interp:
// every post-op, with and without bias, on the GEMM and the depthwise paths, and the chains that must not fuse.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Attribute, Node } from '../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { float, installCpu, int, ints, outputMismatch, randomValues, type CpuHome } from './support';

const X = [2, 8, 13, 37]; // odd sizes: edge columns, vector tails and a partial last panel everywhere
const scalar = (v: number, dims: number[] = []): Tensor => fromNumbers('float32', dims, [v]);

interface Chain {
  /** Conv weight dims (M, C/group, kh, kw) and attributes. */
  w: number[];
  attrs?: Record<string, Attribute>;
  bias?: boolean;
  /** The nodes after the conv, reading `y` (the conv's output) and writing `out`. */
  post: (y: string, out: string, k: (n: string) => string) => Node[];
  /** Post-ops the plugin should absorb (0: the chain must run unfused). */
  fused: number;
  /** Extra graph outputs (e.g. the conv's own output). */
  alsoOutput?: (y: string) => string[];
  /** Extra constants by name suffix (e.g. one value per channel). */
  consts?: Record<string, Tensor>;
}

const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Record<string, Attribute> = {}): Node =>
  ({ name, op, domain: '', inputs, outputs, attributes });
const one = (op: string, attributes: Record<string, Attribute> = {}) => (y: string, out: string, k: (n: string) => string) =>
  [node(k(op), op, [y], [out], attributes)];

const pad1 = { pads: ints(1, 1, 1, 1) };
const chains: Chain[] = [
  { w: [6, 8, 3, 3], attrs: pad1, post: one('Relu'), fused: 1 },
  { w: [6, 8, 3, 3], attrs: pad1, bias: false, post: one('Relu'), fused: 1 },
  { w: [5, 8, 3, 3], attrs: { ...pad1, strides: ints(2, 2) }, post: (y, out, k) => [node(k('clip'), 'Clip', [y, k('lo'), k('hi')], [out])], fused: 1 },
  { w: [5, 8, 1, 1], bias: false, post: (y, out, k) => [node(k('clip'), 'Clip', [y, k('lo'), ''], [out])], fused: 1 }, // 1×1: X as B
  { w: [7, 8, 3, 1], post: one('LeakyRelu', { alpha: float(0.1) }), fused: 1 },
  { w: [4, 8, 1, 3], attrs: { pads: ints(0, 1, 0, 1) }, bias: false, post: one('Sigmoid'), fused: 1 },
  { w: [4, 8, 3, 3], attrs: pad1, post: one('HardSwish'), fused: 1 },
  { w: [6, 8, 3, 3], attrs: pad1, post: (y, out, k) => [node(k('sig'), 'Sigmoid', [y], [k('s')]), node(k('mul'), 'Mul', [k('s'), y], [out])], fused: 1 },
  { w: [6, 8, 3, 3], attrs: pad1, bias: false, post: (y, out, k) => [node(k('sig'), 'Sigmoid', [y], [k('s')]), node(k('mul'), 'Mul', [y, k('s')], [out])], fused: 1 },
  // openWakeWord's embedding model: LeakyRelu then Max with a constant.
  { w: [6, 8, 3, 1], post: (y, out, k) => [node(k('leaky'), 'LeakyRelu', [y], [k('l')], { alpha: float(0.2) }), node(k('max'), 'Max', [k('l'), k('c')], [out])], fused: 2 },
  { w: [6, 8, 3, 3], attrs: pad1, post: (y, out, k) => [node(k('min'), 'Min', [k('c'), y], [out])], fused: 1 },
  // PRelu by a per-channel slope (detection CNNs) or one slope, on the direct, depthwise and few-positions paths.
  { w: [6, 8, 3, 3], attrs: pad1, consts: { s: randomValues([6, 1, 1]) }, post: (y, out, k) => [node(k('prelu'), 'PRelu', [y, k('s')], [out])], fused: 1 },
  { w: [8, 1, 3, 3], attrs: { ...pad1, group: int(8) }, consts: { s: randomValues([8, 1, 1]) }, post: (y, out, k) => [node(k('prelu'), 'PRelu', [y, k('s')], [out])], fused: 1 },
  { w: [11, 8, 3, 3], attrs: { strides: ints(6, 18) }, consts: { s: scalar(0.3, [1]) }, post: (y, out, k) => [node(k('prelu'), 'PRelu', [y, k('s')], [out])], fused: 1 },
  // 4 output positions: the few-positions path applies the post-ops to its rows.
  { w: [11, 8, 3, 3], attrs: { strides: ints(6, 18) }, post: one('Relu'), fused: 1 },
  // Depthwise, direct: the post-ops run in its row loop.
  { w: [8, 1, 3, 3], attrs: { ...pad1, group: int(8) }, post: one('Relu'), fused: 1 },
  { w: [16, 1, 5, 5], attrs: { pads: ints(2, 2, 2, 2), strides: ints(2, 2), group: int(8) }, bias: false, post: one('HardSwish'), fused: 1 },
  { w: [8, 1, 3, 3], attrs: { ...pad1, group: int(8) }, post: (y, out, k) => [node(k('sig'), 'Sigmoid', [y], [k('s')]), node(k('mul'), 'Mul', [y, k('s')], [out])], fused: 1 },
  // PP-OCRv4's block: BatchNorm as a per-channel Mul and Add, HardSwish in four steps (Add 3, Clip 0..6, Mul by
  // the input, Div 6), then a scalar Mul and Add; on the direct, GEMM (strided) and depthwise paths.
  ...[[6, 8, 3, 3], [6, 8, 3, 3], [8, 1, 3, 3]].map((w, i): Chain => ({
    w,
    attrs: { ...pad1, ...(i === 1 ? { strides: ints(2, 2) } : {}), ...(w[1] === 1 ? { group: int(8) } : {}) },
    consts: { s: randomValues([1, w[0]!, 1, 1]), t: randomValues([w[0]!, 1, 1]), three: scalar(3), zero: scalar(0), six: scalar(6), u: scalar(1.5), v: scalar(-0.25) },
    post: (y, out, k) => [
      node(k('bnmul'), 'Mul', [y, k('s')], [k('m1')]),
      node(k('bnadd'), 'Add', [k('t'), k('m1')], [k('m2')]),
      node(k('add3'), 'Add', [k('m2'), k('three')], [k('c1')]),
      node(k('clip6'), 'Clip', [k('c1'), k('zero'), k('six')], [k('c2')]),
      node(k('mulx'), 'Mul', [k('m2'), k('c2')], [k('c3')]),
      node(k('div6'), 'Div', [k('c3'), k('six')], [k('h')]),
      node(k('lmul'), 'Mul', [k('h'), k('u')], [k('l')]),
      node(k('ladd'), 'Add', [k('l'), k('v')], [out]),
    ],
    fused: 5,
  })),
  // A constant on either side of Sub and Div, one per channel or one in all (the Clip keeps divisors in [1, 2]).
  {
    w: [6, 8, 3, 3], attrs: pad1, consts: { s: randomValues([6, 1, 1]), one: scalar(1), two: scalar(2) },
    post: (y, out, k) => [
      node(k('sub'), 'Sub', [k('c'), y], [k('m1')]),
      node(k('clip'), 'Clip', [k('m1'), k('one'), k('two')], [k('m2')]),
      node(k('div'), 'Div', [k('s'), k('m2')], [k('d')]),
      node(k('div2'), 'Div', [k('d'), k('c')], [out]),
    ],
    fused: 4,
  },
  // Must not fuse: a constant along W (not per channel), HardSwish's parts with the Mul by something else.
  { w: [6, 8, 3, 3], attrs: pad1, consts: { s: randomValues([1, 1, 1, 37]) }, post: (y, out, k) => [node(k('mul'), 'Mul', [y, k('s')], [out])], fused: 0 },
  {
    w: [6, 8, 3, 3], attrs: pad1, consts: { three: scalar(3), zero: scalar(0), six: scalar(6) },
    post: (y, out, k) => [
      node(k('add3'), 'Add', [y, k('three')], [k('c1')]),
      node(k('clip6'), 'Clip', [k('c1'), k('zero'), k('six')], [k('c2')]),
      node(k('mulx'), 'Mul', [k('c2'), k('c2')], [k('c3')]),
      node(k('sub'), 'Sub', [k('c3'), y], [out]),
    ],
    fused: 0,
  },
  // Must not fuse: the conv's output is a graph output too, or has a second consumer.
  { w: [6, 8, 3, 3], attrs: pad1, post: one('Relu'), fused: 0, alsoOutput: (y) => [y] },
  { w: [6, 8, 3, 3], attrs: pad1, post: (y, out, k) => [node(k('relu'), 'Relu', [y], [k('r')]), node(k('add'), 'Add', [k('r'), y], [out])], fused: 0 },
  { w: [8, 1, 3, 3], attrs: { ...pad1, group: int(8) }, post: one('Sigmoid'), fused: 0, alsoOutput: (y) => [y] },
];

async function writeChains(cpu: CpuHome) {
  const nodes: Node[] = [];
  const initializers = new Map<string, Tensor>();
  const outputs: string[] = [];
  chains.forEach((c, i) => {
    const k = (n: string) => `c${i}_${n}`;
    initializers.set(k('w'), randomValues(c.w));
    if (c.bias !== false) initializers.set(k('b'), randomValues([c.w[0]!]));
    initializers.set(k('lo'), scalar(-0.25));
    initializers.set(k('hi'), scalar(0.5));
    initializers.set(k('c'), scalar(-0.05, [1, 1, 1, 1]));
    for (const [name, t] of Object.entries(c.consts ?? {})) initializers.set(k(name), t);
    nodes.push(node(k('conv'), 'Conv', ['x', k('w'), c.bias !== false ? k('b') : ''], [k('y')], c.attrs ?? {}));
    nodes.push(...c.post(k('y'), k('out'), k));
    outputs.push(k('out'), ...(c.alsoOutput?.(k('y')) ?? []));
  });
  const model = buildModel({
    nodes,
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: X } }],
    outputs: outputs.map((name) => ({ name, type: { kind: 'tensor' as const, dtype: 'float32' as const } })),
    initializers,
  });
  const modelPath = writeModelFile(join(cpu.dir, 'fused.onnx'), model);
  const inputPath = await writeNpzFile(join(cpu.dir, 'fused-in.npz'), new Map([['x', randomValues(X, 2)]]));
  return { modelPath, inputPath, outputs };
}

describeWithTools(['cc'], 'backend-cpu Conv with fused post-ops equals the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('each post-op and chain, fused only where the conv output has no other reader, under every ISA and a thread split', async () => {
    const { modelPath, inputPath, outputs } = await writeChains(cpu);
    const run = (backend: string, out: string, extra: string[] = [], env: Record<string, string> = {}) =>
      cpu.run(['run', modelPath, '--input', inputPath, '--output', out, '--backend', backend, '--opt-level=0', ...extra], env);
    const want = join(cpu.dir, 'fused-interp.npz');
    expect(run('interp', want).code).toBe(0);
    const expected = await loadNpz(readFileSync(want));
    const wantFused = chains.flatMap((c, i) => (c.fused ? [`c${i}_conv + ${c.fused}`] : []));
    const envs: Record<string, string>[] = [{}, { HODU_CPU_ISA: 'avx2' }, { HODU_CPU_ISA: 'c' }, { HODU_CPU_SPLIT_SMALL: '1' }];
    for (const env of envs) {
      const got = join(cpu.dir, 'fused-cpu.npz');
      const threads = env.HODU_CPU_SPLIT_SMALL ? '2' : '1';
      const r = run('cpu', got, ['--no-isolate', '--threads', threads], { ...env, HODU_CPU_FUSE_TRACE: '1' });
      expect(r.code, r.stderr).toBe(0);
      const traced = [...r.stderr.matchAll(/cpu fuse: node '(\w+)' \+ (\d+) post-op/g)].map((m) => `${m[1]} + ${m[2]}`);
      expect(traced).toEqual(wantFused);
      const results = await loadNpz(readFileSync(got));
      const bad = outputs.flatMap((o) => outputMismatch(`${o} ${JSON.stringify(env)}`, expected.get(o)!, results.get(o)));
      expect(bad).toEqual([]);
    }
  });
});
