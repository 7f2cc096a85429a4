/**
 * `hodu run --profile` through the compiled binary with its embedded cpu backend: the nodes of a native
 * partition are timed one by one (the plugin's hodu_backend_profile export), in process and isolated. The
 * model is split cpu / interp / cpu (Hardmax has no cpu kernel); every node shows up once, the Relu inside its
 * Conv's entry (fuse.c), and a partition's node times add up to no more than the partition's wall time.
 */
import { afterAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Node } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { int, ints, randomValues } from './support';

requireBinary();
const t = tempDir('hodu-cpu-profile-');
afterAll(() => t.cleanup());

const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node => ({ name, op, domain: '', inputs, outputs, attributes });
const f32 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });
const NODES = [
  node('conv', 'Conv', ['x', 'w', 'b'], ['c'], { pads: ints(1, 1, 1, 1) }),
  node('relu', 'Relu', ['c'], ['r']),
  node('pool', 'MaxPool', ['r'], ['p'], { kernel_shape: ints(2, 2), strides: ints(2, 2) }),
  node('hardmax', 'Hardmax', ['p'], ['s']),
  node('scale', 'Mul', ['s', 'k'], ['m']),
  node('sigmoid', 'Sigmoid', ['m'], ['g']),
  node('gap', 'GlobalAveragePool', ['g'], ['a']),
  node('flat', 'Flatten', ['a'], ['f']),
  node('fc', 'Gemm', ['f', 'fw'], ['z'], { transB: int(1) }),
  node('softmax', 'Softmax', ['z'], ['y']),
];
const MODEL = writeModelFile(join(t.dir, 'profiled.onnx'), buildModel({
  nodes: NODES,
  inputs: [{ name: 'x', type: f32([1, 3, 16, 16]) }],
  outputs: [{ name: 'y', type: f32([1, 4]) }],
  initializers: new Map<string, Tensor>([['w', randomValues([8, 3, 3, 3])], ['b', randomValues([8])], ['k', randomValues([1])], ['fw', randomValues([4, 8])]]),
}));

interface Timing {
  node: string;
  op: string;
  ms: number;
  backend: string;
  partition: number;
  fused?: { node: string; op: string }[];
}
interface Profile {
  nodes: Timing[];
  partitions: { partition: number; backend: string; nodes: number; ms: number }[];
  slowest: Timing[];
}

for (const isolate of ['--no-isolate', '--isolate']) {
  test(`--profile --json ${isolate}: every node of each partition with its own time, within the partition's`, () => {
    const r = hodu(['run', MODEL, '--random-inputs', '--profile', '--json', isolate], { env: { HODU_HOME: join(t.dir, 'home') } });
    expect(r.code, r.stderr).toBe(0);
    const { backend, profile } = JSON.parse(r.stdout) as { backend: string; profile: Profile };
    expect(backend).toBe('cpu');
    expect(profile.partitions.map((p) => `${p.backend}:${p.nodes}`)).toEqual(['cpu:3', 'interp:1', 'cpu:6']);
    // Every node of the model exactly once: as an entry or named in its fused step's entry.
    const named = profile.nodes.flatMap((n) => [n.node, ...(n.fused ?? []).map((f) => f.node)]);
    expect(named.sort()).toEqual(NODES.map((n) => n.name).sort());
    expect(profile.nodes.find((n) => n.node === 'conv')).toMatchObject({ op: 'Conv+Relu', backend: 'cpu', fused: [{ node: 'relu', op: 'Relu' }] });
    expect(profile.nodes.find((n) => n.node === 'hardmax')).toMatchObject({ op: 'Hardmax', backend: 'interp', partition: 1 });
    for (const p of profile.partitions) {
      const mine = profile.nodes.filter((n) => n.partition === p.partition);
      expect(mine.map((n) => n.backend)).toEqual(mine.map(() => p.backend));
      for (const n of mine) expect(n.ms).toBeGreaterThanOrEqual(0);
      // Node times and the partition's are rounded to the µs each: allow that much per entry.
      const sum = mine.reduce((s, n) => s + n.ms, 0);
      expect(sum).toBeLessThanOrEqual(p.ms + 0.0005 * (mine.length + 1));
    }
  });
}

test('--profile on stderr: op totals and slowest nodes name the backend and the fused nodes', () => {
  const r = hodu(['run', MODEL, '--random-inputs', '--profile'], { env: { HODU_HOME: join(t.dir, 'home') } });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/\n {2}Conv\+Relu +cpu +1× /);
  expect(r.stderr).toMatch(/\n {2}Hardmax +interp +1× /);
  expect(r.stderr).toContain('a node with (+ …) ran fused with the nodes named');
  expect(r.stderr).not.toContain('partition #');
});
