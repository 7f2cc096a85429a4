import { expect, test } from 'bun:test';
import { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-common';
import { encodeModel } from '../../src/formats/onnx/encode';
import { registerHoduBackend } from '../../src/lib/ort-backend';
import { buildModel } from '../e2e/hodu';

test('onnxruntime-common InferenceSession runs on hodu', async () => {
  registerHoduBackend();
  const bytes = encodeModel(buildModel({
    nodes: [{ name: 'add', op: 'Add', domain: '', inputs: ['x', 'y'], outputs: ['z'], attributes: {} }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [2] } }, { name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [2] } }],
    outputs: [{ name: 'z', type: { kind: 'tensor', dtype: 'float32', shape: [2] } }],
  }));
  const session = await InferenceSession.create(bytes, { executionProviders: ['hodu'] });
  expect(session.inputNames).toEqual(['x', 'y']);
  expect(session.inputMetadata[0]).toEqual({ name: 'x', isTensor: true, type: 'float32', shape: [2] });
  const out = await session.run({ x: new OrtTensor('float32', new Float32Array([1, 2]), [2]), y: new OrtTensor('float32', new Float32Array([10, 20]), [2]) });
  expect(Array.from(out.z!.data as Float32Array)).toEqual([11, 22]);
  expect(out.z!.dims).toEqual([2]);
});
