/**
 * The generated models (MLP, ResNet-style CNN, MobileNet block, transformer encoder block, LSTM, GRU) through
 * the compiled binary: `hodu inspect` and `hodu run --input in.npz --output out.npz`, compared with
 * onnxruntime-node on the same inputs at rtol 1e-3, atol 1e-4.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { decodeModel } from '../../src/formats/onnx/decode';
import { loadNpz } from '../../src/formats/npz/index';
import { feedInputs } from '../../src/ir/graph';
import { Tensor, toNumbers } from '../../src/ir/tensor';
import { randomTensor } from '../../src/runtime/bind-inputs';
import { mulberry32 } from '../../src/util/prng';
import { generateModels } from '../models/generate';
import { hodu, requireBinary, tempDir, writeNpzFile } from './hodu';

const RTOL = 1e-3;
const ATOL = 1e-4;
const tmp = tempDir('hodu-models-');
let paths: string[] = [];

beforeAll(async () => {
  requireBinary();
  paths = await generateModels(tmp.dir);
});
afterAll(() => tmp.cleanup());

test('the generator makes every model the issue names', () => {
  const names = paths.map((p) => basename(p));
  for (const n of ['mlp.onnx', 'resnet.onnx', 'mobilenet.onnx', 'transformer.onnx', 'lstm.onnx', 'gru.onnx']) expect(names).toContain(n);
});

describe('generated models match onnxruntime', () => {
  for (const name of ['mlp', 'resnet', 'mobilenet', 'transformer', 'lstm', 'gru']) {
    test(name, async () => {
      const path = paths.find((p) => basename(p) === `${name}.onnx`)!;
      expect(path).toBeDefined();
      const model = decodeModel(readFileSync(path), { path });
      const rand = mulberry32(42);
      const feeds = new Map<string, Tensor>();
      for (const info of feedInputs(model.graph)) {
        const t = info.type!;
        if (t.kind !== 'tensor' || !t.shape) throw new Error(`input ${info.name} is not a static tensor`);
        // Centre the inputs on 0 so activations see both signs.
        const r = randomTensor(t.dtype, t.shape.map((d) => (typeof d === 'number' ? d : 2)), rand);
        const v = toNumbers(r) as Float32Array;
        for (let i = 0; i < v.length; i++) v[i] = v[i]! * 2 - 1;
        feeds.set(info.name, r);
      }
      const inPath = await writeNpzFile(join(tmp.dir, `${name}-in.npz`), feeds);
      const outPath = join(tmp.dir, `${name}-out.npz`);

      const inspect = hodu(['inspect', path, '--json']);
      expect(inspect.code).toBe(0);
      expect(JSON.parse(inspect.stdout).outputs.map((o: { name: string }) => o.name)).toEqual(model.graph.outputs.map((o) => o.name));

      const run = hodu(['run', path, '--input', inPath, '--output', outPath]);
      expect(run.stderr).not.toContain('error');
      expect(run.code).toBe(0);
      const ours = await loadNpz(readFileSync(outPath));

      const session = await ort.InferenceSession.create(path);
      const theirs = await session.run(Object.fromEntries([...feeds].map(([k, t]) => [k, new ort.Tensor('float32', t.data as Float32Array, [...t.dims])])));
      for (const outName of session.outputNames) {
        const a = ours.get(outName);
        expect(a).toBeDefined();
        const b = theirs[outName]!;
        expect([...a!.dims]).toEqual([...b.dims]);
        const x = toNumbers(a!);
        const y = b.data as Float32Array;
        let worst = '';
        for (let i = 0; i < y.length; i++) {
          if (Math.abs(x[i]! - y[i]!) > ATOL + RTOL * Math.abs(y[i]!)) {
            worst = `${outName}[${i}]: hodu ${x[i]} vs onnxruntime ${y[i]}`;
            break;
          }
        }
        expect(worst).toBe('');
      }
    });
  }
});

test('-O2 (the default) folds BatchNormalization into Conv and gives the same outputs as -O0', async () => {
  const path = paths.find((p) => basename(p) === 'resnet.onnx')!;
  const plain = JSON.parse(hodu(['inspect', path, '-O1', '--json']).stdout);
  const optimized = JSON.parse(hodu(['inspect', path, '--json']).stdout);
  expect(plain.ops.BatchNormalization).toBe(5);
  expect(optimized.ops.BatchNormalization).toBeUndefined();
  expect(optimized.nodes).toBe(plain.nodes - 5);
  const args = ['run', path, '--random-inputs', '--shape', 'image=1x3x32x32', '--seed', '3', '--json'];
  const o0 = JSON.parse(hodu([...args, '-O0']).stdout).outputs[0].data as number[];
  const o2 = JSON.parse(hodu([...args, '-O2']).stdout).outputs[0].data as number[];
  o0.forEach((v, i) => expect(Math.abs(o2[i]! - v)).toBeLessThan(1e-4 + 1e-4 * Math.abs(v)));
});
