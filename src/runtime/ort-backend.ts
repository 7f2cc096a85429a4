/**
 * hodu as an onnxruntime-common backend: after `registerHoduBackend()`, code written against the
 * onnxruntime JS API (`InferenceSession.create(pathOrBytes, { executionProviders: ['hodu'] })`) runs on
 * hodu's backends. Tensors cross as onnxruntime-common `Tensor`s (same dtype names and storage).
 */
import { registerBackend, Tensor as OrtTensor, type Backend, type InferenceSession, type OnnxValue } from 'onnxruntime-common';
import { HoduError } from '../errors';
import { readBytes } from '../formats/registry';
import { feedInputs, type Model, type ValueInfo } from '../ir/graph';
import { Tensor } from '../ir/tensor';
import { selectBackend } from '../backends/registry';
import { prepareModel } from './prepare';
import type { RuntimeValue } from '../sdk/backend';

function metadata(v: ValueInfo): InferenceSession.ValueMetadata {
  const t = v.type;
  if (t?.kind === 'tensor' && t.dtype !== 'bfloat16') return { name: v.name, isTensor: true, type: t.dtype, shape: t.shape ?? [] };
  return { name: v.name, isTensor: false };
}

function fromOrt(name: string, v: OnnxValue): Tensor {
  if (!(v instanceof OrtTensor)) throw new HoduError('E_INPUT', `input '${name}' must be a Tensor`);
  return new Tensor(v.type as Tensor['dtype'], v.dims, v.data as Tensor['data']);
}

function toOrt(v: RuntimeValue): OnnxValue {
  if (v instanceof Tensor) {
    if (v.dtype === 'bfloat16') throw new HoduError('E_DTYPE', 'bfloat16 outputs cannot be returned as onnxruntime tensors', { hint: 'cast to float32 in the model' });
    return new OrtTensor(v.dtype as OrtTensor.Type, v.data as never, [...v.dims]);
  }
  throw new HoduError('E_OUTPUT', 'only tensor outputs can be returned through the onnxruntime API', { hint: 'use hodu run for sequence outputs' });
}

async function createHandler(uriOrBuffer: string | Uint8Array): Promise<Awaited<ReturnType<Backend['createInferenceSessionHandler']>>> {
  const bytes = typeof uriOrBuffer === 'string' ? readBytes(uriOrBuffer) : uriOrBuffer;
  const onnx = (await import('../formats/onnx/index')).default;
  const model: Model = prepareModel(await onnx.loadModel!(bytes, typeof uriOrBuffer === 'string' ? { path: uriOrBuffer } : {}));
  const backend = await selectBackend(model);
  const session = await backend.createSession(model);
  const inputs = feedInputs(model.graph);
  return {
    inputNames: inputs.map((i) => i.name),
    outputNames: model.graph.outputs.map((o) => o.name),
    inputMetadata: inputs.map(metadata),
    outputMetadata: model.graph.outputs.map(metadata),
    async dispose() {
      session.dispose?.();
    },
    startProfiling() {},
    endProfiling() {},
    async run(feeds, fetches) {
      const map = new Map<string, RuntimeValue>(Object.entries(feeds).map(([k, v]) => [k, fromOrt(k, v)]));
      const out = await session.run(map);
      const result: Record<string, OnnxValue> = {};
      for (const name of Object.keys(fetches)) result[name] = toOrt(out.get(name) ?? null);
      return result;
    },
  };
}

/** Registers hodu under the execution-provider name 'hodu' (priority 100 wins over other CPU backends). */
export function registerHoduBackend(priority = 100): void {
  registerBackend('hodu', { init: async () => {}, createInferenceSessionHandler: createHandler }, priority);
}
