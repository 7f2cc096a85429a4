// backend-cpu's Conv fused with a residual Add (a run-time tensor of the conv output's shape, a skip connection)
// and the activation after it (plugins/backend-cpu/src/fuse.c) against the interp: both operand orders, a skip
// that is a graph input, an earlier intermediate or a projection conv's output, on every conv path (1×1, direct,
// im2col, depthwise, few positions, grouped, one position), at batch 2 with odd sizes; and the Adds that must
// stay unfused (a broadcast operand). float16 residual blocks: float16-models.ts.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Attribute, Node } from '../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { compareTensor } from '../ops/harness';
import { buildModel, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { installCpu, int, interpPartitions, ints, outputMismatch, randomValues, type CpuHome } from './support';

/** The graph inputs the convs read: 2-D images, 1-D signals, and one position per image. */
const INPUTS: Record<string, number[]> = { x: [2, 8, 13, 37], x1: [2, 8, 37], xv: [2, 8, 1, 1] };

interface Block {
  /** The block's nodes; k(n) names its tensors, `out` is its graph output. */
  nodes: (k: (n: string) => string, out: string) => Node[];
  /** Its weights: name suffix → dims (random) or a tensor. */
  weights: Record<string, number[] | Tensor>;
  /** Its extra graph inputs (the skips), name suffix → dims. */
  inputs?: Record<string, number[]>;
  /** The convs that fuse, as HODU_CPU_FUSE_TRACE prints them: "conv + post-ops" (by name suffix). */
  fused: string[];
}

const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Record<string, Attribute> = {}): Node =>
  ({ name, op, domain: '', inputs, outputs, attributes });
const pad1 = { pads: ints(1, 1, 1, 1) };
const conv = (k: (n: string) => string, n: string, x: string, attrs: Record<string, Attribute> = pad1, bias = true) =>
  node(k(n), 'Conv', [x, k(`${n}_w`), bias ? k(`${n}_b`) : ''], [k(`${n}_y`)], attrs);
/** Conv `c` on input `x`, Add of the skip `s` (skipFirst: Add(s, y)), then `act` (or none). */
function residual(x: string, w: number[], attrs: Record<string, Attribute>, outDims: number[], opts: { skipFirst?: boolean; bias?: boolean; act?: string } = {}): Block {
  const act = opts.act ?? 'Relu';
  return {
    nodes: (k, out) => [
      conv(k, 'c', x, attrs, opts.bias !== false),
      node(k('add'), 'Add', opts.skipFirst ? [k('s'), k('c_y')] : [k('c_y'), k('s')], [act ? k('sum') : out]),
      ...(act === 'Relu' ? [node(k('act'), 'Relu', [k('sum')], [out])] : []),
      ...(act === 'Clip' ? [node(k('act'), 'Clip', [k('sum'), k('zero'), k('hi')], [out])] : []),
      ...(act === 'LeakyRelu' ? [node(k('act'), 'LeakyRelu', [k('sum')], [out], { alpha: { type: 'float', value: 0.1 } })] : []),
    ],
    weights: { c_w: w, ...(opts.bias !== false ? { c_b: [w[0]!] } : {}), zero: scalar(0), hi: scalar(0.5) },
    inputs: { s: outDims },
    fused: [`c + ${act ? 2 : 1}`],
  };
}
const scalar = (v: number): Tensor => fromNumbers('float32', [], [v]);

const blocks: Block[] = [
  // A graph input as the skip, either operand order, then Relu, Clip or nothing (the Add writes a graph output).
  residual('x', [6, 8, 3, 3], pad1, [2, 6, 13, 37]), // 3×3 direct (im2col under HODU_CPU_ISA=c)
  residual('x', [7, 8, 1, 1], {}, [2, 7, 13, 37], { skipFirst: true, bias: false }), // 1×1: X itself as the GEMM's B
  residual('x', [5, 8, 3, 3], { ...pad1, strides: ints(3, 3) }, [2, 5, 5, 13], { act: 'Clip' }), // im2col (stride 3)
  residual('x', [6, 8, 3, 3], pad1, [2, 6, 13, 37], { skipFirst: true, act: '' }),
  residual('x', [8, 1, 3, 3], { ...pad1, group: int(8) }, [2, 8, 13, 37], { act: 'LeakyRelu' }), // depthwise, direct
  residual('x', [16, 1, 3, 3], { ...pad1, strides: ints(3, 3), group: int(8) }, [2, 16, 5, 13], { skipFirst: true }), // depthwise taps
  residual('x', [11, 8, 3, 3], { strides: ints(6, 18) }, [2, 11, 2, 2]), // 4 positions: conv-dot.c
  residual('x', [6, 4, 3, 3], { ...pad1, group: int(2) }, [2, 6, 13, 37], { skipFirst: true }), // grouped
  residual('xv', [5, 8, 1, 1], {}, [2, 5, 1, 1]), // one position: the GEMV over packed Wᵀ, post-ops along channels
  residual('x1', [7, 8, 3], { pads: ints(1, 1) }, [2, 7, 37]), // 1-D: im2col
  // An identity block: the skip is the Relu of the conv before (fused into it), the second conv's Add reads it.
  {
    nodes: (k, out) => [
      conv(k, 'c1', 'x'), node(k('r1'), 'Relu', [k('c1_y')], [k('a')]),
      conv(k, 'c2', k('a')), node(k('add'), 'Add', [k('c2_y'), k('a')], [k('sum')]), node(k('act'), 'Relu', [k('sum')], [out]),
    ],
    weights: { c1_w: [8, 8, 3, 3], c1_b: [8], c2_w: [8, 8, 3, 3], c2_b: [8] },
    fused: ['c1 + 1', 'c2 + 2'],
  },
  // ResNet's stride-2 block: the 3×3's output and the 1×1 projection's, added. The projection comes after the 3×3
  // (whose output it adds, so it is the one fusing); then the other way round.
  ...[false, true].map((projFirst): Block => ({
    nodes: (k, out) => {
      const main = conv(k, 'm', 'x', { ...pad1, strides: ints(2, 2) });
      const proj = conv(k, 'p', 'x', { strides: ints(2, 2) }, false);
      return [...(projFirst ? [proj, main] : [main, proj]), node(k('add'), 'Add', [k('m_y'), k('p_y')], [k('sum')]), node(k('act'), 'Relu', [k('sum')], [out])];
    },
    weights: { m_w: [5, 8, 3, 3], m_b: [5], p_w: [5, 8, 1, 1] },
    fused: [projFirst ? 'm + 2' : 'p + 2'],
  })),
  // A per-channel BatchNorm (Mul, Add), then the skip, then Relu: four post-ops.
  {
    nodes: (k, out) => [
      conv(k, 'c', 'x'), node(k('bnm'), 'Mul', [k('c_y'), k('g')], [k('m1')]), node(k('bna'), 'Add', [k('m1'), k('t')], [k('m2')]),
      node(k('add'), 'Add', [k('s'), k('m2')], [k('sum')]), node(k('act'), 'Relu', [k('sum')], [out]),
    ],
    weights: { c_w: [6, 8, 3, 3], c_b: [6], g: [6, 1, 1], t: [1, 6, 1, 1] },
    inputs: { s: [2, 6, 13, 37] },
    fused: ['c + 4'],
  },
  // Must not fuse the Add: a skip broadcast along H (neither the conv output's shape nor one value per channel).
  { ...residual('x', [6, 8, 3, 3], pad1, [2, 6, 1, 37]), fused: [] },
];

/** The blocks' model and inputs under cpu.dir, and their outputs. */
async function writeBlocks(cpu: CpuHome) {
  const rand = mulberry32(417);
  const nodes: Node[] = [];
  const initializers = new Map<string, Tensor>();
  const feeds = new Map<string, Tensor>(Object.entries(INPUTS).map(([n, d]) => [n, randomValues(d)]));
  const outputs: string[] = [];
  blocks.forEach((b, i) => {
    const k = (n: string) => `b${i}_${n}`;
    for (const [n, w] of Object.entries(b.weights)) {
      const dims = Array.isArray(w) ? w : [];
      const fan = dims.slice(1).reduce((a, d) => a * d, 1);
      // Weights scaled by fan-in keep every sum near 1, where rtol 1e-4 tests the Add's own rounding.
      initializers.set(k(n), Array.isArray(w) ? fromNumbers('float32', w, Float64Array.from({ length: dims.reduce((a, d) => a * d, 1) }, () => (rand() * 2 - 1) / Math.sqrt(fan))) : w);
    }
    for (const [n, d] of Object.entries(b.inputs ?? {})) feeds.set(k(n), randomValues(d));
    nodes.push(...b.nodes(k, k('out')));
    outputs.push(k('out'));
  });
  const model = buildModel({
    nodes,
    inputs: [...feeds].map(([name, t]) => ({ name, type: { kind: 'tensor' as const, dtype: 'float32' as const, shape: [...t.dims] } })),
    outputs: outputs.map((name) => ({ name, type: { kind: 'tensor' as const, dtype: 'float32' as const } })),
    initializers,
  });
  const modelPath = writeModelFile(join(cpu.dir, 'residual.onnx'), model);
  const inputPath = await writeNpzFile(join(cpu.dir, 'residual-in.npz'), feeds);
  return { modelPath, inputPath, outputs };
}

const traced = (stderr: string) => [...stderr.matchAll(/cpu fuse: node '(\w+)' \+ (\d+) post-op/g)].map((m) => `${m[1]} + ${m[2]}`);

describeWithTools(['cc'], 'backend-cpu Conv fused with a residual Add equals the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('every conv path, skip and operand order, fused where the skip is readable, under every ISA and a thread split', async () => {
    const { modelPath, inputPath, outputs } = await writeBlocks(cpu);
    const run = (backend: string, out: string, extra: string[] = [], env: Record<string, string> = {}) =>
      cpu.run(['run', modelPath, '--input', inputPath, '--output', out, '--backend', backend, '--opt-level=0', ...extra], env);
    const want = join(cpu.dir, 'residual-interp.npz');
    expect(run('interp', want).code).toBe(0);
    const expected = await loadNpz(readFileSync(want));
    const wantFused = blocks.flatMap((b, i) => b.fused.map((f) => `b${i}_${f}`));
    for (const env of [{}, { HODU_CPU_ISA: 'avx2' }, { HODU_CPU_ISA: 'c' }, { HODU_CPU_SPLIT_SMALL: '1' }] as Record<string, string>[]) {
      const got = join(cpu.dir, 'residual-cpu.npz');
      const threads = env.HODU_CPU_SPLIT_SMALL ? '2' : '1';
      const r = run('cpu', got, ['--no-isolate', '--explain', '--threads', threads], { ...env, HODU_CPU_FUSE_TRACE: '1' });
      expect(r.code, r.stderr).toBe(0);
      expect(interpPartitions(r.stderr)).toEqual([]);
      expect(traced(r.stderr)).toEqual(wantFused);
      const results = await loadNpz(readFileSync(got));
      const bad = outputs.flatMap((o) => outputMismatch(`${o} ${JSON.stringify(env)}`, expected.get(o)!, results.get(o)));
      expect(bad).toEqual([]);
    }
  });

  // The arena reuses the skip's region for the Add's output once the skip is dead: at -O2 (as `hodu run` plans
  // by default) a chain of three identity blocks puts a fused Add's output in its skip's memory.
  test('a chain of identity blocks, at the default optimization level, on 1 and 2 threads', async () => {
    const rand = mulberry32(99);
    const dims = [2, 8, 11, 19];
    const nodes: Node[] = [];
    const initializers = new Map<string, Tensor>();
    let x = 'x';
    for (let i = 0; i < 3; i++) {
      const k = (n: string) => `l${i}_${n}`;
      for (const c of ['c1', 'c2']) {
        initializers.set(k(`${c}_w`), fromNumbers('float32', [8, 8, 3, 3], Float64Array.from({ length: 576 }, () => (rand() * 2 - 1) / 8.5)));
        initializers.set(k(`${c}_b`), fromNumbers('float32', [8], Float64Array.from({ length: 8 }, () => rand() * 0.2 - 0.1)));
      }
      const out = i === 2 ? 'y' : k('out');
      nodes.push(conv(k, 'c1', x), node(k('r1'), 'Relu', [k('c1_y')], [k('a')]), conv(k, 'c2', k('a')));
      nodes.push(node(k('add'), 'Add', [x, k('c2_y')], [k('sum')]), node(k('r2'), 'Relu', [k('sum')], [out]));
      x = out;
    }
    const model = buildModel({
      nodes,
      inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: dims } }],
      outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32' } }],
      initializers,
    });
    const modelPath = writeModelFile(join(cpu.dir, 'blocks.onnx'), model);
    const inputPath = await writeNpzFile(join(cpu.dir, 'blocks-in.npz'), new Map([['x', randomValues(dims)]]));
    const want = join(cpu.dir, 'blocks-interp.npz');
    expect(cpu.run(['run', modelPath, '--input', inputPath, '--output', want, '--backend', 'interp']).code).toBe(0);
    const expected = (await loadNpz(readFileSync(want))).get('y')!;
    for (const threads of ['1', '2']) {
      const got = join(cpu.dir, 'blocks-cpu.npz');
      const r = cpu.run(['run', modelPath, '--input', inputPath, '--output', got, '--backend', 'cpu', '--no-isolate', '--threads', threads], {
        HODU_CPU_FUSE_TRACE: '1', HODU_CPU_SPLIT_SMALL: threads === '2' ? '1' : '',
      });
      expect(r.code, r.stderr).toBe(0);
      expect(traced(r.stderr)).toEqual(['l0_c1 + 1', 'l0_c2 + 2', 'l1_c1 + 1', 'l1_c2 + 2', 'l2_c1 + 1', 'l2_c2 + 2']);
      // The case this test is for: an Add planned over its skip, so the conv writes its tiles there (fuse.h to_out).
      expect(r.stderr).toMatch(/cpu fuse: node 'l\d_c2' \+ 2 post-op\(s\) \(to its output\)/);
      expect(compareTensor((await loadNpz(readFileSync(got))).get('y')!, expected, 1e-4, 1e-5)).toBeNull();
    }
  });
});
