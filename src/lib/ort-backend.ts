/**
 * `import 'hodu/ort-backend'`: registers hodu with onnxruntime-common under the execution-provider name
 * 'hodu', so code written against onnxruntime's JS API runs on hodu:
 *   await InferenceSession.create('model.onnx', { executionProviders: ['hodu'] })
 * Tensors cross as onnxruntime-common `Tensor`s (same dtype names and storage). onnxruntime-common is a peer
 * dependency: the registry written here is the one the caller's InferenceSession reads only if both import
 * the same copy of the package.
 */
import { registerBackend, type Backend, type InferenceSession, type OnnxValue } from 'onnxruntime-common';
import { LoadedModel, openModel } from './loaded-model';
import { fromTensorLike, toOrtTensor } from './tensors';
import type { OptLevel } from './types';

type Handler = Awaited<ReturnType<Backend['createInferenceSessionHandler']>>;

/** onnxruntime's `graphOptimizationLevel` (default 'all') as hodu's -O levels. */
const OPT_LEVELS: Record<NonNullable<InferenceSession.SessionOptions['graphOptimizationLevel']>, OptLevel> = {
  disabled: 0,
  basic: 1,
  extended: 2,
  layout: 2,
  all: 2,
};

function handlerFor(model: LoadedModel): Handler {
  return {
    inputNames: model.inputs.map((i) => i.name),
    outputNames: model.outputs.map((o) => o.name),
    inputMetadata: model.inputs.map((m) => ({ ...m, ...(m.isTensor ? { shape: [...m.shape] } : {}) })) as InferenceSession.ValueMetadata[],
    outputMetadata: model.outputs.map((m) => ({ ...m, ...(m.isTensor ? { shape: [...m.shape] } : {}) })) as InferenceSession.ValueMetadata[],
    async dispose() {
      model.dispose();
    },
    startProfiling() {},
    endProfiling() {},
    async run(feeds, fetches) {
      const out = await model.run(new Map(Object.entries(feeds).map(([k, v]) => [k, fromTensorLike(k, v as never)])));
      const result: Record<string, OnnxValue> = {};
      for (const name of Object.keys(fetches)) result[name] = toOrtTensor(name, out.get(name) ?? null);
      return result;
    },
  };
}

/** One object, so registering again (same priority) is not an error in onnxruntime-common. */
const HODU_BACKEND: Backend = {
  init: async () => {},
  async createInferenceSessionHandler(uriOrBuffer, options) {
    const level = options?.graphOptimizationLevel;
    return handlerFor(await openModel(uriOrBuffer, { optLevel: level ? OPT_LEVELS[level] : 2 }));
  },
};

/**
 * Registers hodu as execution provider 'hodu'. The default priority 0 keeps it behind onnxruntime-node's and
 * onnxruntime-web's backends (100) for sessions that name no provider; a higher one makes hodu their default.
 */
export function registerHoduBackend(priority: number = 0): void {
  registerBackend('hodu', HODU_BACKEND, priority);
}

registerHoduBackend();
