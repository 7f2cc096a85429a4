/**
 * The code of the user's project the packed-tarball test installs hodu into: written as a user would, against
 * the published names only ('onnxruntime-common', 'hodu', 'hodu/ort-backend'), never against src/.
 * The two scripts take a jobs file ([{ model, inputs, out }]: inputs and outputs as JSON, every element a
 * string so int64 and floats cross exactly) and write each job's outputs.
 */

/** Shared by both scripts: JSON tensors ⇄ onnxruntime-common Tensors. */
const TENSOR_JSON = `
import { readFileSync, writeFileSync } from 'node:fs';
import { Tensor } from 'onnxruntime-common';
const ARRAYS = { float32: Float32Array, float64: Float64Array, int32: Int32Array, int64: BigInt64Array, bool: Uint8Array, uint8: Uint8Array };
export function readFeeds(path) {
  const feeds = {};
  for (const [name, t] of Object.entries(JSON.parse(readFileSync(path, 'utf8')))) {
    feeds[name] = new Tensor(t.type, ARRAYS[t.type].from(t.data, t.type === 'int64' ? BigInt : Number), t.dims);
  }
  return feeds;
}
export function writeResult(path, result) {
  const outputs = {};
  for (const [name, t] of Object.entries(result.outputs)) {
    if (!(t instanceof Tensor)) throw new Error(name + ' is not an onnxruntime-common Tensor');
    outputs[name] = { type: t.type, dims: [...t.dims], data: Array.from(t.data, String) };
  }
  writeFileSync(path, JSON.stringify({ ...result, outputs }));
}
export const jobs = () => JSON.parse(readFileSync(process.argv[2], 'utf8'));
`;

/** onnxruntime's API only, plus the side-effect import that registers hodu. Models by path. */
const ORT_SCRIPT = `
import { InferenceSession } from 'onnxruntime-common';
import 'hodu/ort-backend';
import { jobs, readFeeds, writeResult } from './tensor-json.mjs';
for (const job of jobs()) {
  const session = await InferenceSession.create(job.model, { executionProviders: ['hodu'] });
  const outputs = await session.run(readFeeds(job.inputs));
  writeResult(job.out, { inputNames: session.inputNames, outputNames: session.outputNames, inputMetadata: session.inputMetadata, outputs });
  await session.release();
}
`;

/** The plain API. Models as bytes; also records the error a missing input gives. */
const PLAIN_SCRIPT = `
import { readFileSync } from 'node:fs';
import { isHoduError, loadModel, run } from 'hodu';
import { jobs, readFeeds, writeResult } from './tensor-json.mjs';
for (const job of jobs()) {
  const model = await loadModel(new Uint8Array(readFileSync(job.model)));
  const outputs = await run(model, readFeeds(job.inputs));
  const missing = await run(model, {}).then(() => 'no error', (e) => ({ isHoduError: isHoduError(e), code: e.code, hint: e.hint, message: e.message }));
  writeResult(job.out, { inputMetadata: model.inputs, outputMetadata: model.outputs, missingInputError: missing, outputs });
  model.dispose();
}
`;

/**
 * Type-checked with tsc against the installed package (never run). Each @ts-expect-error fails the check
 * when the package's types are missing or loose (an `any` accepts everything).
 */
const TYPED_CONSUMER = `
import { InferenceSession, Tensor } from 'onnxruntime-common';
import { registerHoduBackend } from 'hodu/ort-backend';
import { isHoduError, loadModel, run, type HoduModel, type Outputs, type ValueMetadata } from 'hodu';

export async function main(path: string): Promise<number> {
  const model: HoduModel = await loadModel(path, { optLevel: 1 });
  const first: ValueMetadata | undefined = model.inputs[0];
  const rank: number = first && first.isTensor ? first.shape.length : 0;
  const out: Outputs = await run(model, { x: new Tensor('float32', new Float32Array(4), [4]) }, { backend: 'interp', outputs: ['y'] });
  const y: Tensor | undefined = out['y'];
  // @ts-expect-error the library has only the interp backend
  await run(model, {}, { backend: 'cpu' });
  // @ts-expect-error optLevel is 0 to 3
  await loadModel(path, { optLevel: 7 });
  // @ts-expect-error run takes a model from loadModel, not a path
  await run('model.onnx', {});
  const code: string = await run(model, {}).then(() => '', (e: unknown) => (isHoduError(e) ? e.code : 'other'));
  // @ts-expect-error without the isHoduError check an unknown has no code
  await run(model, {}).catch((e: unknown) => e.code);
  registerHoduBackend(10);
  const session = await InferenceSession.create(path, { executionProviders: ['hodu'] });
  model.dispose();
  return rank + (y?.size ?? 0) + session.inputNames.length + code.length;
}
`;

const TSCONFIG = {
  compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], noEmit: true },
  files: ['consumer.ts'],
};

/** The project's files: package.json (ESM) and the consumer code. */
export const CONSUMER_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'hodu-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2),
  'tensor-json.mjs': TENSOR_JSON,
  'ort.mjs': ORT_SCRIPT,
  'plain.mjs': PLAIN_SCRIPT,
  'consumer.ts': TYPED_CONSUMER,
  'tsconfig.json': JSON.stringify(TSCONFIG, null, 2),
};
