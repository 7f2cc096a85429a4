/**
 * What `loadModel` returns and the onnxruntime backend wraps: a prepared model and its interp session,
 * created on the first run and reused. The library runs on the interp only (docs/library.md: the native cpu
 * backend is a C library the hodu binary carries for its platform; an npm package has no such file).
 */
import { HoduError } from '../errors';
import { feedInputs, type Model } from '../ir/graph';
import type { Tensor } from '../ir/tensor';
import { prepareModel, type PreparedModel } from '../runtime/prepare';
import type { BackendSession, RuntimeValue } from '../sdk/backend';
import { didYouMean } from '../util/did-you-mean';
import { metadataOf } from './tensors';
import type { HoduModel, LoadOptions, LibraryBackend, ValueMetadata } from './types';

const BACKENDS: readonly string[] = ['interp'] satisfies LibraryBackend[];

export class LoadedModel implements HoduModel {
  readonly inputs: readonly ValueMetadata[];
  readonly outputs: readonly ValueMetadata[];
  #session: Promise<BackendSession> | undefined;
  #disposed = false;

  constructor(readonly prepared: PreparedModel) {
    this.inputs = feedInputs(prepared.graph).map(metadataOf);
    this.outputs = prepared.graph.outputs.map(metadataOf);
  }

  /** Runs the model; `feeds` are checked against the inputs (names, dtypes, ranks and fixed dims). */
  async run(feeds: Map<string, Tensor>, backend: string = 'interp'): Promise<Map<string, RuntimeValue>> {
    if (this.#disposed) throw new HoduError('E_USAGE', 'this model was disposed', { hint: 'load it again with loadModel' });
    if (!BACKENDS.includes(backend)) {
      throw new HoduError('E_NO_BACKEND', `the hodu library has no backend '${backend}'; available: ${BACKENDS.join(', ')}`, {
        hint: 'the native cpu backend is in the hodu binary (`hodu run --backend cpu`), not in the npm package',
      });
    }
    checkFeeds(this.inputs, feeds);
    this.#session ??= (async () => (await import('../backends/interp/index')).default.createSession(this.prepared, { threads: 1, profile: false }))();
    return (await this.#session).run(feeds);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    void this.#session?.then((s) => s.dispose?.());
  }
}

function checkFeeds(inputs: readonly ValueMetadata[], feeds: Map<string, Tensor>): void {
  const names = inputs.map((i) => i.name);
  for (const name of feeds.keys()) {
    if (names.includes(name)) continue;
    const guess = didYouMean(name, names);
    throw new HoduError('E_INPUT_NAME', `the model has no input '${name}'; its inputs: ${names.join(', ')}`, { hint: guess ? `did you mean '${guess}'?` : 'model.inputs lists them' });
  }
  for (const info of inputs) {
    const t = feeds.get(info.name);
    if (!t) throw new HoduError('E_INPUT_MISSING', `input '${info.name}' was not given`, { hint: `feed every input: ${names.join(', ')}` });
    if (!info.isTensor) continue;
    if (t.dtype !== info.type) throw new HoduError('E_INPUT_DTYPE', `input '${info.name}' must be ${info.type}, got ${t.dtype}`, { hint: 'model.inputs shows each type' });
    const fixed = info.shape.length === t.dims.length && info.shape.every((d, i) => typeof d !== 'number' || d === t.dims[i]);
    if (!fixed) {
      throw new HoduError('E_INPUT_SHAPE', `input '${info.name}' must have shape [${info.shape.join(',')}], got [${t.dims.join(',')}]`, {
        hint: 'named dims take any size; numbered ones must match',
      });
    }
  }
}

/** ONNX is the model format hodu reads; `path` (when read from a file) is where external data is looked up. */
async function onnxModel(bytes: Uint8Array, path?: string): Promise<Model> {
  const onnx = (await import('../formats/onnx/index')).default;
  return onnx.loadModel!(bytes, path === undefined ? {} : { path });
}

/** An ONNX model: a file path or its bytes. */
export async function openModel(source: string | Uint8Array | ArrayBuffer, opts: LoadOptions = {}): Promise<LoadedModel> {
  const optLevel = opts.optLevel ?? 2;
  if (![0, 1, 2, 3].includes(optLevel)) throw new HoduError('E_USAGE', `optLevel must be 0, 1, 2 or 3, got ${String(optLevel)}`, { hint: 'e.g. loadModel(path, { optLevel: 1 })' });
  let model: Model;
  if (typeof source === 'string') {
    const { readBytes } = await import('../formats/read-bytes');
    model = await onnxModel(readBytes(source), source);
  } else if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    model = await onnxModel(source instanceof Uint8Array ? source : new Uint8Array(source));
  } else {
    throw new HoduError('E_USAGE', 'loadModel takes a file path or the bytes of an ONNX model (Uint8Array or ArrayBuffer)', { hint: "e.g. loadModel('model.onnx')" });
  }
  return new LoadedModel(prepareModel(model, optLevel));
}
