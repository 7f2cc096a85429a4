/**
 * The plain library API from source (the packed package is package.test.ts): what it checks before running,
 * and the tensors it takes and gives.
 */
import { describe, expect, test } from 'bun:test';
import { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-common';
import { encodeModel } from '../../src/formats/onnx/encode';
import { Tensor } from '../../src/ir/tensor';
import { loadModel, run } from '../../src/lib/index';
import '../../src/lib/ort-backend';
import { buildModel } from '../e2e/hodu';

/** y = x + 1 over float32 [n, 2], and the shape of x as int64. */
const bytes = encodeModel(
  buildModel({
    nodes: [
      { name: 'add', op: 'Add', domain: '', inputs: ['x', 'one'], outputs: ['y'], attributes: {} },
      { name: 'shape', op: 'Shape', domain: '', inputs: ['x'], outputs: ['s'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: ['n', 2] } }],
    outputs: [
      { name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: ['n', 2] } },
      { name: 's', type: { kind: 'tensor', dtype: 'int64', shape: [2] } },
    ],
    initializers: new Map([['one', new Tensor('float32', [], new Float32Array([1]))]]),
  }),
);
const x = new OrtTensor('float32', new Float32Array([1, 2, 3, 4, 5, 6]), [3, 2]);

describe('loadModel and run', () => {
  test('outputs are onnxruntime-common Tensors with the model values; inputs exclude initializers', async () => {
    const model = await loadModel(bytes);
    expect(model.inputs).toEqual([{ name: 'x', isTensor: true, type: 'float32', shape: ['n', 2] }]);
    const out = await run(model, { x });
    expect(out.y).toBeInstanceOf(OrtTensor);
    expect([out.y!.dims, Array.from(out.y!.data as Float32Array)]).toEqual([[3, 2], [2, 3, 4, 5, 6, 7]]);
    expect([out.s!.type, Array.from(out.s!.data as BigInt64Array)]).toEqual(['int64', [3n, 2n]]);
    expect(Object.keys(await run(model, { x }, { outputs: ['s'] }))).toEqual(['s']);
  });

  test('a plain { type, dims, data } object is an input too', async () => {
    const out = await run(await loadModel(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer), { x: { type: 'float32', dims: [1, 2], data: new Float32Array([0, 10]) } });
    expect(Array.from(out.y!.data as Float32Array)).toEqual([1, 11]);
  });

  const refused: [string, () => Promise<unknown>, string][] = [
    ['an unknown input name', async () => run(await loadModel(bytes), { x, z: x }), 'E_INPUT_NAME'],
    ['a missing input', async () => run(await loadModel(bytes), {}), 'E_INPUT_MISSING'],
    ['a wrong dtype', async () => run(await loadModel(bytes), { x: new OrtTensor('int32', new Int32Array(2), [1, 2]) }), 'E_INPUT_DTYPE'],
    ['a wrong fixed dim', async () => run(await loadModel(bytes), { x: new OrtTensor('float32', new Float32Array(3), [1, 3]) }), 'E_INPUT_SHAPE'],
    ['a backend the library does not have', async () => run(await loadModel(bytes), { x }, { backend: 'cpu' as never }), 'E_NO_BACKEND'],
    ['an unknown output', async () => run(await loadModel(bytes), { x }, { outputs: ['w'] }), 'E_USAGE'],
    ['an optLevel out of range', async () => loadModel(bytes, { optLevel: 5 as never }), 'E_USAGE'],
    ['a model that was disposed', async () => {
      const m = await loadModel(bytes);
      m.dispose();
      return run(m, { x });
    }, 'E_USAGE'],
    ['a missing file', async () => loadModel('/nonexistent/model.onnx'), 'E_NOT_FOUND'],
    // Plain { type, dims, data } objects are checked as onnxruntime's Tensor checks itself.
    ['data shorter than dims', async () => run(await loadModel(bytes), { x: { type: 'float32', dims: [3, 2], data: new Float32Array(3) } }), 'E_INPUT_SHAPE'],
    ['dims that are not a list of sizes', async () => run(await loadModel(bytes), { x: { type: 'float32', dims: '3x2' as never, data: new Float32Array(6) } }), 'E_INPUT_SHAPE'],
    ['a plain Array as float32 data', async () => run(await loadModel(bytes), { x: { type: 'float32', dims: [3, 2], data: [1, 2, 3, 4, 5, 6] as never } }), 'E_INPUT_DTYPE'],
    ['an Int32Array as float32 data', async () => run(await loadModel(bytes), { x: { type: 'float32', dims: [3, 2], data: new Int32Array(6) } }), 'E_INPUT_DTYPE'],
    ['feeds that are not an object', async () => run(await loadModel(bytes), null as never), 'E_USAGE'],
    ['outputs given as one string', async () => run(await loadModel(bytes), { x }, { outputs: 'y' as never }), 'E_USAGE'],
  ];
  for (const [what, call, code] of refused) {
    test(`refuses ${what} with ${code}`, async () => {
      await expect(call()).rejects.toMatchObject({ name: 'HoduError', code });
    });
  }
});

test("InferenceSession runs on hodu at each of onnxruntime's graphOptimizationLevel values (mapped to -O 0, 1, 2)", async () => {
  for (const level of ['disabled', 'basic', 'all'] as const) {
    const session = await InferenceSession.create(bytes, { executionProviders: ['hodu'], graphOptimizationLevel: level });
    const out = await session.run({ x });
    expect(Array.from(out.y!.data as Float32Array)).toEqual([2, 3, 4, 5, 6, 7]);
    await session.release();
  }
});
