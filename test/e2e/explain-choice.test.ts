/**
 * `hodu run --explain` through the binary, cpu chosen automatically: the reason mentions the interp running what
 * cpu lacks only when the model has such ops; `--backend cpu --device gpu` is a flag mistake (E_NO_BACKEND,
 * exit 2) with a device hint, not an unsupported-op error.
 */
import { afterAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Node } from '../../src/ir/graph';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from './hodu';

requireBinary();
const t = tempDir('hodu-explain-choice-');
afterAll(() => t.cleanup());
const env = { HODU_HOME: join(t.dir, 'home'), NO_COLOR: '1' };

const node = (op: string, inputs: string[], outputs: string[]): Node => ({ name: outputs[0]!, op, domain: '', inputs, outputs, attributes: {} });
const f32 = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [2, 3] };
const write = (file: string, nodes: Node[]) => writeModelFile(join(t.dir, file), buildModel({ nodes, inputs: [{ name: 'x', type: f32 }], outputs: [{ name: 'y', type: f32 }] }));
const ALL_CPU = write('relu.onnx', [node('Relu', ['x'], ['r']), node('Neg', ['r'], ['y'])]);
const SPLIT = write('hardmax.onnx', [node('Relu', ['x'], ['r']), node('Hardmax', ['r'], ['y'])]);

test('the automatic choice mentions the interp only when cpu lacks some of the model\'s ops', () => {
  const all = hodu(['run', ALL_CPU, '--random-inputs', '--explain'], { env });
  expect(all.code).toBe(0);
  expect(all.stderr).toContain("backend: cpu — chosen automatically: the highest priority (20) of the backends that run this model on 'cpu'\n");
  expect(all.stderr).not.toContain('run on the interp');
  const split = hodu(['run', SPLIT, '--random-inputs', '--explain'], { env });
  expect(split.code).toBe(0);
  expect(split.stderr).toContain("on 'cpu' (the ops it has no kernel for run on the interp: --explain shows the split)");
  expect(split.stderr).toContain('y (Hardmax): cpu has no kernel for Hardmax');
});

test('--backend cpu --device gpu: E_NO_BACKEND, exit 2, with the devices cpu runs on', () => {
  const r = hodu(['run', ALL_CPU, '--random-inputs', '--backend', 'cpu', '--device', 'gpu'], { env });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("error[E_NO_BACKEND]: backend 'cpu' does not run on device 'gpu' (devices: cpu)");
  expect(r.stderr).toContain('hint: run with --device cpu');
});
