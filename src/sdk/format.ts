import type { Model } from '../ir/graph';
import type { Tensor } from '../ir/tensor';

/** What a format plugin can do. */
export interface FormatCapabilities {
  loadModel: boolean;
  saveModel: boolean;
  loadTensors: boolean;
  saveTensors: boolean;
  /** File extensions it owns, lower-case with the dot (e.g. `.onnx`). */
  extensions: string[];
  /** Leading bytes that identify the format (any one matching is enough). */
  magic?: Uint8Array[];
}

export interface LoadOptions {
  /** Where the bytes came from: used for error messages and to resolve external data next to a model. */
  path?: string;
  /** Whether to read external data files (default true). */
  loadExternalData?: boolean;
}

export interface SaveOptions {
  path?: string;
}

/** An ordered name → tensor map (insertion order is file order). */
export type TensorMap = Map<string, Tensor>;

/**
 * A format plugin converts bytes ⇄ Graph (model formats) and/or bytes ⇄ tensors (tensor formats).
 * Methods may be sync or async; hodu always awaits them. Failures throw HoduError naming `opts.path`.
 */
export interface FormatPlugin {
  name: string;
  version: string;
  capabilities: FormatCapabilities;
  /** Optional content sniffing beyond `magic` (e.g. safetensors has no magic). */
  sniff?(bytes: Uint8Array): boolean;
  loadModel?(bytes: Uint8Array, opts?: LoadOptions): Model | Promise<Model>;
  saveModel?(model: Model, opts?: SaveOptions): Uint8Array | Promise<Uint8Array>;
  loadTensors?(bytes: Uint8Array, opts?: LoadOptions): TensorMap | Promise<TensorMap>;
  saveTensors?(tensors: TensorMap, opts?: SaveOptions): Uint8Array | Promise<Uint8Array>;
}

/** Identity helper that gives plugin authors type checking. */
export function defineFormatPlugin(plugin: FormatPlugin): FormatPlugin {
  return plugin;
}
