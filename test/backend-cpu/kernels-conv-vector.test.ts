// backend-cpu's 1×1 convs of one output position per image (plugins/backend-cpu/src/conv.c's conv_vector: Wᵀ
// packed at create, a GEMV per image and group) against the interp, as Squeeze-and-Excitation blocks use them:
// GlobalAveragePool → Conv → Relu → Conv → HardSigmoid → Mul by the gate, with odd channel counts (partial
// panels, several panels), groups, a batch of 2, bias or not, and post-ops that are one value per channel.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Attribute, Node } from '../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { float, installCpu, int, outputMismatch, randomValues, type CpuHome } from './support';

const X = [2, 37, 5, 7];
const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Record<string, Attribute> = {}): Node =>
  ({ name, op, domain: '', inputs, outputs, attributes });
const scalar = (v: number): Tensor => fromNumbers('float32', [], [v]);

function seModel() {
  const init = new Map<string, Tensor>([
    ['w1', randomValues([13, 37, 1, 1])], ['b1', randomValues([13])],
    ['w2', randomValues([37, 13, 1, 1], 2)], ['b2', randomValues([37])],
    ['wg', randomValues([70, 37, 1, 1])], // 70 filters: two AVX-512 panels and a partial third
    ['s', randomValues([1, 70, 1, 1])], ['t', randomValues([70, 1, 1])], ['k', scalar(0.5)],
    ['w4', randomValues([3, 37, 1, 1])],
    ['wgrp', randomValues([36, 1, 1, 1])], // group 36 over 36 channels: one filter per group
    ['wgrp2', randomValues([12, 12, 1, 1])], // group 3 over 36 channels: 4 filters per group
    ['starts', fromNumbers('int64', [1], [0])], ['ends', fromNumbers('int64', [1], [36])], ['axes', fromNumbers('int64', [1], [1])],
  ]);
  const nodes: Node[] = [
    node('gap', 'GlobalAveragePool', ['x'], ['p']),
    node('c1', 'Conv', ['p', 'w1', 'b1'], ['r0']),
    node('relu', 'Relu', ['r0'], ['r']),
    node('c2', 'Conv', ['r', 'w2', 'b2'], ['g0']),
    node('hsig', 'HardSigmoid', ['g0'], ['g'], { alpha: float(0.2), beta: float(0.5) }),
    node('se', 'Mul', ['x', 'g'], ['se_out']),
    // Per-channel Mul and Add (a BatchNorm as PP-OCR exports it) and a scalar Mul after a 70-filter conv.
    node('c3', 'Conv', ['p', 'wg'], ['q0']),
    node('bnmul', 'Mul', ['q0', 's'], ['q1']),
    node('bnadd', 'Add', ['t', 'q1'], ['q2']),
    node('half', 'Mul', ['q2', 'k'], ['bn_out']),
    // No post-op, no bias, few filters.
    node('c4', 'Conv', ['p', 'w4'], ['plain_out']),
    // Groups: the first 36 pooled channels, one and four filters per group.
    node('slice', 'Slice', ['p', 'starts', 'ends', 'axes'], ['p36']),
    node('c5', 'Conv', ['p36', 'wgrp'], ['grp1_out'], { group: int(36) }),
    node('c6', 'Conv', ['p36', 'wgrp2'], ['grp3_0'], { group: int(3) }),
    node('hsig2', 'HardSigmoid', ['grp3_0'], ['grp3_out'], { alpha: float(-0.3), beta: float(0.4) }),
  ];
  const outputs = ['se_out', 'bn_out', 'plain_out', 'grp1_out', 'grp3_out'];
  return { model: buildModel({
    nodes,
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: X } }],
    outputs: outputs.map((name) => ({ name, type: { kind: 'tensor' as const, dtype: 'float32' as const } })),
    initializers: init,
  }), outputs };
}

describeWithTools(['cc'], 'backend-cpu 1×1 convs on one position per image (SE blocks) equal the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('GEMV over packed Wᵀ with bias, groups, a batch, per-channel post-ops and a fused HardSigmoid, under every ISA and a thread split', async () => {
    const { model, outputs } = seModel();
    const modelPath = writeModelFile(join(cpu.dir, 'se.onnx'), model);
    const inputPath = await writeNpzFile(join(cpu.dir, 'se-in.npz'), new Map([['x', randomValues(X, 2)]]));
    const run = (backend: string, out: string, extra: string[] = [], env: Record<string, string> = {}) =>
      cpu.run(['run', modelPath, '--input', inputPath, '--output', out, '--backend', backend, '--opt-level=0', ...extra], env);
    const want = join(cpu.dir, 'se-interp.npz');
    expect(run('interp', want).code).toBe(0);
    const expected = await loadNpz(readFileSync(want));
    for (const env of [{}, { HODU_CPU_ISA: 'avx2' }, { HODU_CPU_ISA: 'c' }, { HODU_CPU_SPLIT_SMALL: '1' }] as Record<string, string>[]) {
      const got = join(cpu.dir, 'se-cpu.npz');
      const r = run('cpu', got, ['--no-isolate', '--threads', env.HODU_CPU_SPLIT_SMALL ? '2' : '1'], { ...env, HODU_CPU_FUSE_TRACE: '1' });
      expect(r.code, r.stderr).toBe(0);
      const traced = [...r.stderr.matchAll(/cpu fuse: node '(\w+)' \+ (\d+) post-op/g)].map((m) => `${m[1]} + ${m[2]}`);
      expect(traced).toEqual(['c1 + 1', 'c2 + 1', 'c3 + 3', 'c6 + 1']);
      const results = await loadNpz(readFileSync(got));
      const bad = outputs.flatMap((o) => outputMismatch(`${o} ${JSON.stringify(env)}`, expected.get(o)!, results.get(o)));
      expect(bad).toEqual([]);
    }
  });
});
