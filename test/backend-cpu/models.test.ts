// backend-cpu on whole generated models (test/models) against the interp, and what it refuses at create() (run on the interp instead).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Tensor } from '../../src/ir/tensor';
import { compareTensor } from '../ops/harness';
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
          const r = cpu.run(['run', model, '--random-inputs', '--seed', '7', ...COVERED[file]!, '--backend', backend, `--opt-level=${opt}`, '--output', out, '--explain']);
          expect(r.stderr).toContain(`ran on ${backend}`);
          // Every node on cpu: one partition, nothing fallen back (--explain; the interp is not partitioned).
          if (backend === 'cpu') expect(r.stderr).toMatch(/partitions: 1, \d+ nodes?[^\n]*\n {2}#0 {2}cpu /);
          if (backend === 'cpu') expect(r.stderr).not.toContain('fell back');
          outs.push(await loadNpz(readFileSync(out)));
        }
        const [want, got] = outs as [Map<string, Tensor>, Map<string, Tensor>];
        expect([...got.keys()]).toEqual([...want.keys()]);
        for (const [name, w] of want) {
          const problem = compareTensor(got.get(name) as Tensor, w as Tensor, RTOL, ATOL);
          expect(problem === null ? 'equal' : `${name}: ${problem}`).toBe('equal');
        }
      }
    });
  }

  /** `hodu run --backend cpu --explain --json` of a small model: it succeeds, equals the interp, and returns the explanation. */
  function runPartitioned(model: string): { partitions: { backend: string; movedToInterp?: string }[]; fallbacks: { node: string; reason: string }[] } {
    const r = cpu.run(['run', model, '--random-inputs', '--backend', 'cpu', '--explain', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout);
    const want = JSON.parse(cpu.run(['run', model, '--random-inputs', '--backend', 'interp', '--json']).stdout);
    expect(got.outputs.map((o: { data: number[] }) => o.data)).toEqual(want.outputs.map((o: { data: number[] }) => o.data));
    return got.explain;
  }

  // What it refuses at create() (or lacks a kernel for) is no longer an error: that part runs on the interp and
  // --explain says why (before partitioning, these runs failed; the test asserted the failures).
  test('what it does not compute exactly runs on the interp instead, naming the node and the reason', () => {
    const t = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });
    const bnTraining = writeModelFile(join(cpu.dir, 'bn-training.onnx'), buildModel({
      opset: 15,
      nodes: [{ name: 'bn_train', op: 'BatchNormalization', domain: '', inputs: ['x', 's', 'b', 'm', 'v'], outputs: ['y'], attributes: { training_mode: int(1) } }],
      inputs: [{ name: 'x', type: t([2, 3, 4]) }, ...['s', 'b', 'm', 'v'].map((name) => ({ name, type: t([3]) }))],
      outputs: [{ name: 'y', type: t([2, 3, 4]) }],
    }));
    const bn = runPartitioned(bnTraining).partitions;
    expect(bn.map((p) => p.backend)).toEqual(['interp']);
    expect(bn[0]!.movedToInterp).toContain('bn_train');
    expect(bn[0]!.movedToInterp).toContain('training_mode');

    const conv4d = writeModelFile(join(cpu.dir, 'conv4d.onnx'), buildModel({
      nodes: [{ name: 'conv_4d', op: 'Conv', domain: '', inputs: ['x', 'w'], outputs: ['y'], attributes: {} }],
      inputs: [{ name: 'x', type: t([1, 1, 3, 3, 3, 3]) }, { name: 'w', type: t([1, 1, 2, 2, 2, 2]) }],
      outputs: [{ name: 'y', type: t([1, 1, 2, 2, 2, 2]) }],
    }));
    const c4 = runPartitioned(conv4d).partitions;
    expect(c4[0]!.movedToInterp).toContain('conv_4d');
    expect(c4[0]!.movedToInterp).toContain('4 spatial dims');

    const maxPoolIndices = writeModelFile(join(cpu.dir, 'maxpool-indices.onnx'), buildModel({
      nodes: [{ name: 'pool_idx', op: 'MaxPool', domain: '', inputs: ['x'], outputs: ['y', 'i'], attributes: { kernel_shape: { type: 'ints', value: [2, 2] } } }],
      inputs: [{ name: 'x', type: t([1, 1, 4, 4]) }],
      outputs: [{ name: 'y', type: t([1, 1, 2, 2]) }, { name: 'i', type: { kind: 'tensor', dtype: 'int64', shape: [1, 1, 2, 2] } }],
    }));
    // Its kernel name (max_pool_f32_i64) is not in the plugin's list, so the split leaves it to the interp before create().
    const mp = runPartitioned(maxPoolIndices);
    expect(mp.partitions.map((p) => p.backend)).toEqual(['interp']);
    expect(mp.fallbacks).toEqual([{ node: 'pool_idx', op: 'MaxPool', reason: "cpu has no kernel 'max_pool_f32_i64' (it has max_pool_f32, max_pool_f16)" } as never]);
  });
});
