/** The generated test models load and run in onnxruntime-node with the expected output shapes. */
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { decodeModel } from '../../src/formats/onnx/decode';
import { encodeModel } from '../../src/formats/onnx/encode';
import { generateModels, MODELS } from '../models/generate';
import { buildMlp } from '../models/mlp';

const dir = mkdtempSync(join(tmpdir(), 'hodu-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const paths = await generateModels(dir);

// Input name → dims fed to ORT (symbolic batch 'N' fed as 2 to show it really is dynamic), expected output dims.
const CASES: Record<string, { inputs: Record<string, number[]>; output: [string, number[]] }> = {
  'mlp.onnx': { inputs: { input: [1, 64] }, output: ['probs', [1, 10]] },
  'resnet.onnx': { inputs: { image: [2, 3, 32, 32] }, output: ['logits', [2, 10]] },
  'mobilenet.onnx': { inputs: { image: [1, 3, 32, 32] }, output: ['logits', [1, 10]] },
  'transformer.onnx': { inputs: { x: [1, 16, 64] }, output: ['y', [1, 16, 64]] },
  'lstm.onnx': { inputs: { x: [10, 1, 16] }, output: ['y', [1, 4]] },
  'gru.onnx': { inputs: { x: [10, 1, 16] }, output: ['y', [1, 4]] },
};

describe('generated models', () => {
  test('every model has a case', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(MODELS).sort());
    expect(paths.map((p) => basename(p)).sort()).toEqual(Object.keys(MODELS).sort());
  });

  for (const [file, c] of Object.entries(CASES)) {
    test(`${file} runs in onnxruntime with output ${c.output[0]} of shape [${c.output[1]}]`, async () => {
      const session = await ort.InferenceSession.create(join(dir, file));
      expect([...session.inputNames]).toEqual(Object.keys(c.inputs));
      const feeds: Record<string, ort.Tensor> = {};
      for (const [name, dims] of Object.entries(c.inputs)) {
        const n = dims.reduce((a, b) => a * b, 1);
        feeds[name] = new ort.Tensor('float32', Float32Array.from({ length: n }, (_, i) => Math.sin(i)), dims);
      }
      const out = await session.run(feeds);
      const y = out[c.output[0]]!;
      expect(y.dims).toEqual(c.output[1]);
      expect(Array.from(y.data as Float32Array).every(Number.isFinite)).toBe(true);
      await session.release();
    });
  }

  test('softmax output of the MLP sums to 1 per row', async () => {
    const session = await ort.InferenceSession.create(join(dir, 'mlp.onnx'));
    const out = await session.run({ input: new ort.Tensor('float32', new Float32Array(64).fill(0.5), [1, 64]) });
    const sum = Array.from(out.probs!.data as Float32Array).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
    await session.release();
  });

  test('generation is deterministic and round-trips through the decoder', () => {
    for (const [file, build] of Object.entries(MODELS)) {
      const bytes = encodeModel(build());
      expect(readFileSync(join(dir, file))).toEqual(Buffer.from(bytes));
      expect(Buffer.from(encodeModel(decodeModel(bytes)))).toEqual(Buffer.from(bytes));
    }
  });

  test('examples/mlp.onnx is the current MLP and stays small', () => {
    const demo = readFileSync(join(import.meta.dir, '..', '..', 'examples', 'mlp.onnx'));
    expect(demo.length).toBeLessThan(200_000);
    expect(demo).toEqual(Buffer.from(encodeModel(buildMlp())));
  });
});
