// backend-cpu on whole generated models (test/models) against the interp, and what it refuses at create().
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import { toNumbers, type Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile } from '../e2e/hodu';
import { MODELS, generateModels } from '../models/generate';
import { describeWithTools } from '../support/optional-tools';
import { ATOL, RTOL, installCpu, int, type CpuHome } from './support';

// The generated models made only of kernels backend-cpu has, and the shapes of their dynamic inputs.
const COVERED: Record<string, string[]> = {
  'mlp.onnx': [],
  'resnet.onnx': ['--shape', 'image=2x3x32x32'],
  'mobilenet.onnx': [],
  'transformer.onnx': [],
  'lstm.onnx': [],
  'gru.onnx': [],
};

describeWithTools(['cc'], 'backend-cpu runs whole models like the interp', () => {
  let cpu: CpuHome;
  let paths: string[];
  beforeAll(async () => {
    cpu = installCpu();
    paths = await generateModels(join(cpu.dir, 'models'));
  });
  afterAll(() => cpu?.cleanup());

  for (const file of Object.keys(COVERED)) {
    test(`${file}: hodu run --backend cpu equals --backend interp (rtol ${RTOL}, atol ${ATOL}), at -O1 and -O2`, async () => {
      expect(Object.keys(MODELS)).toContain(file);
      const model = paths.find((p) => p.endsWith(file))!;
      for (const opt of ['1', '2']) {
        const outs = [];
        for (const backend of ['interp', 'cpu']) {
          const out = join(cpu.dir, `${file}-${backend}-${opt}.npz`);
          const r = cpu.run(['run', model, '--random-inputs', '--seed', '7', ...COVERED[file]!, '--backend', backend, `--opt-level=${opt}`, '--output', out]);
          expect(r.stderr).toContain(`ran on ${backend}`);
          outs.push(await loadNpz(readFileSync(out)));
        }
        const [want, got] = outs as [Map<string, Tensor>, Map<string, Tensor>];
        expect([...got.keys()]).toEqual([...want.keys()]);
        for (const [name, w] of want) {
          const g = got.get(name)!;
          expect(g.dims).toEqual(w.dims);
          const a = toNumbers(w);
          const b = toNumbers(g);
          const bad = a.findIndex((v, i) => !(Math.abs(v - b[i]!) <= ATOL + RTOL * Math.abs(v)));
          expect(bad === -1 ? 'equal' : `${name}[${bad}]: ${b[bad]} vs ${a[bad]}`).toBe('equal');
        }
      }
    });
  }

  test('refuses at create() what it does not compute exactly, naming the node and the reason', () => {
    const t = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });
    const bnTraining = writeModelFile(join(cpu.dir, 'bn-training.onnx'), buildModel({
      opset: 15,
      nodes: [{ name: 'bn_train', op: 'BatchNormalization', domain: '', inputs: ['x', 's', 'b', 'm', 'v'], outputs: ['y'], attributes: { training_mode: int(1) } }],
      inputs: [{ name: 'x', type: t([2, 3, 4]) }, ...['s', 'b', 'm', 'v'].map((name) => ({ name, type: t([3]) }))],
      outputs: [{ name: 'y', type: t([2, 3, 4]) }],
    }));
    const r = cpu.run(['run', bnTraining, '--random-inputs', '--backend', 'cpu']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('bn_train');
    expect(r.stderr).toContain('training_mode');

    const conv4d = writeModelFile(join(cpu.dir, 'conv4d.onnx'), buildModel({
      nodes: [{ name: 'conv_4d', op: 'Conv', domain: '', inputs: ['x', 'w'], outputs: ['y'], attributes: {} }],
      inputs: [{ name: 'x', type: t([1, 1, 3, 3, 3, 3]) }, { name: 'w', type: t([1, 1, 2, 2, 2, 2]) }],
      outputs: [{ name: 'y', type: t([1, 1, 2, 2, 2, 2]) }],
    }));
    const r4 = cpu.run(['run', conv4d, '--random-inputs', '--backend', 'cpu']);
    expect(r4.code).not.toBe(0);
    expect(r4.stderr).toContain('conv_4d');
    expect(r4.stderr).toContain('4 spatial dims');

    const maxPoolIndices = writeModelFile(join(cpu.dir, 'maxpool-indices.onnx'), buildModel({
      nodes: [{ name: 'pool_idx', op: 'MaxPool', domain: '', inputs: ['x'], outputs: ['y', 'i'], attributes: { kernel_shape: { type: 'ints', value: [2, 2] } } }],
      inputs: [{ name: 'x', type: t([1, 1, 4, 4]) }],
      outputs: [{ name: 'y', type: t([1, 1, 2, 2]) }, { name: 'i', type: { kind: 'tensor', dtype: 'int64', shape: [1, 1, 2, 2] } }],
    }));
    const ri = cpu.run(['run', maxPoolIndices, '--random-inputs', '--backend', 'cpu']);
    expect(ri.code).not.toBe(0);
    // Its kernel name (max_pool_f32_i64) is not in the plugin's list, so the host refuses before create().
    expect(ri.stderr).toContain('cpu: does not support op MaxPool');
  });
});
