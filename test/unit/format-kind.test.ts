/** Which files hold tensors and which hold models (issue 9, item 17): onnx owns `.onnx` (models) and `.pb` (one TensorProto). */
import { afterAll, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeTensorProto } from '../../src/formats/onnx/encode';
import { formatFor, holdsTensors, loadAnyFile, loadModelFile, loadTensorFile, saveTensorFile } from '../../src/formats/registry';
import { Tensor } from '../../src/ir/tensor';
import { tempDir } from '../e2e/hodu';

const tmp = tempDir('hodu-format-kind-');
afterAll(() => tmp.cleanup());
const t = new Tensor('float32', [2], new Float32Array([1, 2]));

async function codeOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

test('.pb is an onnx tensor file, .onnx an onnx model file, .npy a tensor file', async () => {
  const onnx = await formatFor('w.pb');
  expect(onnx.name).toBe('onnx');
  expect(holdsTensors(onnx, 'w.pb')).toBe(true);
  expect(holdsTensors(onnx, 'W.PB')).toBe(true);
  expect(holdsTensors(onnx, 'm.onnx')).toBe(false);
  expect(holdsTensors(await formatFor('a.npy'), 'a.npy')).toBe(true);
});

test('a .pb loads as tensors, never as a model; tensors are never saved as .onnx', async () => {
  const pb = join(tmp.dir, 'w.pb');
  writeFileSync(pb, encodeTensorProto(t, 'w'));
  expect(await loadTensorFile(pb)).toEqual(new Map([['w', t]]));
  expect(await loadAnyFile(pb)).toEqual({ kind: 'tensors', format: 'onnx', tensors: new Map([['w', t]]) });
  expect(await codeOf(() => loadModelFile(pb))).toBe('E_NOT_A_MODEL');
  expect(await codeOf(() => saveTensorFile(join(tmp.dir, 'w.onnx'), new Map([['w', t]])))).toBe('E_NOT_TENSORS');
  expect(await codeOf(() => saveTensorFile(join(tmp.dir, 'two.pb'), new Map([['a', t], ['b', t]])))).toBe('E_TENSOR_COUNT');
});
