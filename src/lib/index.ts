/**
 * The `hodu` npm package's plain API (docs/library.md):
 *   const model = await loadModel('model.onnx');
 *   const outputs = await run(model, { x: new Tensor('float32', data, [1, 3]) });
 * Inputs are onnxruntime-common Tensors (or objects of their shape); outputs are onnxruntime-common Tensors.
 * For code written against onnxruntime's InferenceSession, `import 'hodu/ort-backend'` instead.
 */
import { HoduError } from '../errors';
import { LoadedModel, openModel } from './loaded-model';
import { fromTensorLike, toOrtTensor } from './tensors';
import type { Feeds, HoduErrorInfo, HoduModel, LoadOptions, Outputs, RunOptions } from './types';

export type { Feeds, HoduErrorInfo, HoduModel, LibraryBackend, LoadOptions, OptLevel, Outputs, RunOptions, TensorLike, ValueMetadata } from './types';

/** Whether `e` is an error hodu threw: then it has the CLI's `code` and a `hint` (typed). */
export function isHoduError(e: unknown): e is HoduErrorInfo {
  return e instanceof HoduError;
}

/**
 * Reads a model (a path to a file hodu reads, or an ONNX model's bytes), applies the graph optimizations of
 * `optLevel` and checks it. Throws an Error with `code` and `hint` (as the hodu CLI prints them) when it cannot.
 */
export async function loadModel(source: string | Uint8Array | ArrayBuffer, options: LoadOptions = {}): Promise<HoduModel> {
  return openModel(source, options);
}

/** Runs `model` on `feeds` (every input, by name) and returns its outputs (all, or `options.outputs`). */
export async function run(model: HoduModel, feeds: Feeds, options: RunOptions = {}): Promise<Outputs> {
  if (!(model instanceof LoadedModel)) throw new HoduError('E_USAGE', 'run takes a model from loadModel', { hint: "const model = await loadModel('model.onnx')" });
  if (!feeds || typeof feeds !== 'object' || Array.isArray(feeds)) throw new HoduError('E_USAGE', 'run takes its feeds as an object of input name → Tensor', { hint: "e.g. run(model, { input: new Tensor('float32', data, [1, 64]) })" });
  if (options.outputs !== undefined && (!Array.isArray(options.outputs) || !options.outputs.every((o) => typeof o === 'string'))) {
    throw new HoduError('E_USAGE', 'run\'s outputs option is an array of output names', { hint: "e.g. run(model, feeds, { outputs: ['probs'] })" });
  }
  const names = options.outputs ?? model.outputs.map((o) => o.name);
  for (const name of names) {
    if (!model.outputs.some((o) => o.name === name)) {
      throw new HoduError('E_USAGE', `the model has no output '${name}'; its outputs: ${model.outputs.map((o) => o.name).join(', ')}`, { hint: 'model.outputs lists them' });
    }
  }
  const tensors = new Map(Object.entries(feeds).map(([name, t]) => [name, fromTensorLike(name, t)]));
  const got = await model.run(tensors, options.backend);
  const result: Outputs = {};
  for (const name of names) result[name] = toOrtTensor(name, got.get(name) ?? null);
  return result;
}
