/**
 * Running a built model in-process: one library handle (hodu_model_create) per session, 64-byte aligned
 * buffers for every input and output (made once; an input already aligned is passed as it is), and the
 * pointer tables hodu_model_run reads, rewritten only where an input's buffer changed.
 */
import { read, type Pointer } from 'bun:ffi';
import { HoduError } from '../../errors';
import { bytesOf, viewOfBytes, type BigArray, type NumericArray } from '../../ir/dtype';
import { Tensor } from '../../ir/tensor';
import { address, alignedBytes, isAligned } from '../../plugins/native/binding';
import type { BackendSession, RuntimeValue } from '../../sdk/backend';
import type { BuiltModelDescription, BuiltTensor } from './describe';
import { openModelLibrary, type ModelLibrary } from './open-library';

const STATUS_NAMES: Record<number, string> = { 1: 'invalid argument', 2: 'unsupported', 3: 'out of memory', 4: 'internal error' };
const MAX_ERROR_BYTES = 4096;

/** hodu_model_error's text, cut at MAX_ERROR_BYTES (it comes from the library). */
function errorText(lib: ModelLibrary, handle: number | null): string {
  const p = lib.symbols.hodu_model_error(handle as Pointer | null) as number | null;
  if (!p) return '';
  const bytes: number[] = [];
  for (let i = 0; i < MAX_ERROR_BYTES; i++) {
    const b = read.u8(p as Pointer, i);
    if (b === 0) break;
    bytes.push(b);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** A fed tensor's bytes, checked against the built dtype and shape. */
export function fedBytes(t: BuiltTensor, v: RuntimeValue | undefined, path: string): Uint8Array {
  if (!(v instanceof Tensor)) throw new HoduError('E_INPUT_MISSING', `input '${t.name}' was not given`, { hint: `pass --input ${t.name}=FILE.npy` });
  if (v.dtype !== t.dtype || v.dims.length !== t.dims.length || v.dims.some((d, i) => d !== t.dims[i])) {
    throw new HoduError('E_INPUT_SHAPE', `input '${t.name}' is ${v.dtype}[${v.dims.join(',')}], ${path} was built for ${t.dtype}[${t.dims.join(',')}]`, {
      hint: 'a built model has the static shapes it was built with (`hodu inspect FILE.so`); build another with `hodu build --shape` for other shapes',
    });
  }
  return bytesOf(v.data as NumericArray | BigArray);
}

export class BuiltModelSession implements BackendSession {
  private readonly lib: ModelLibrary;
  private handle: number;
  private readonly staging: Uint8Array[];
  private readonly outputs: Uint8Array[];
  private readonly inputTable: BigUint64Array;
  private readonly outputTable: BigUint64Array;
  /** The buffer whose address each input slot holds, to skip rewriting unchanged ones. */
  private readonly current: (Uint8Array | undefined)[];

  /** Opens the library again (dlopen counts references) and creates a handle with `threads` (0: the built default). */
  constructor(private readonly model: BuiltModelDescription, threads: number) {
    this.lib = openModelLibrary(model.path);
    try {
      const handle = this.lib.symbols.hodu_model_create(threads) as number | null;
      if (!handle) {
        throw new HoduError('E_ARTIFACT_RUN', `${model.path}: hodu_model_create(${threads}) failed: ${errorText(this.lib, null) || '(no message)'}`, {
          hint: 'fewer --threads, or more free memory, may help; otherwise rebuild the model with `hodu build`',
        });
      }
      this.handle = handle;
    } catch (e) {
      this.lib.close();
      throw e;
    }
    this.staging = model.inputs.map((t) => alignedBytes(t.bytes));
    this.outputs = model.outputs.map((t) => alignedBytes(t.bytes));
    this.inputTable = new BigUint64Array(Math.max(1, model.inputs.length));
    this.outputTable = new BigUint64Array(Math.max(1, model.outputs.length));
    this.outputs.forEach((b, i) => (this.outputTable[i] = address(b)));
    this.current = model.inputs.map(() => undefined);
  }

  /**
   * Runs once. The returned tensors view this session's output buffers: the next run overwrites them (a
   * `hodu run` makes one run; a benchmark reads none).
   */
  async run(feeds: Map<string, RuntimeValue>): Promise<Map<string, RuntimeValue>> {
    if (!this.handle) throw new HoduError('E_INTERNAL', 'run on a disposed built-model session');
    this.model.inputs.forEach((t, i) => {
      const bytes = fedBytes(t, feeds.get(t.name), this.model.path);
      const buffer = isAligned(bytes) ? bytes : this.staging[i]!;
      if (buffer !== bytes) buffer.set(bytes);
      if (this.current[i] !== buffer) {
        this.inputTable[i] = address(buffer);
        this.current[i] = buffer;
      }
    });
    const status = this.lib.symbols.hodu_model_run(this.handle as Pointer, this.inputTable, this.outputTable) as number;
    if (status !== 0) {
      throw new HoduError('E_ARTIFACT_RUN', `${this.model.path}: run failed (status ${status}, ${STATUS_NAMES[status] ?? 'unknown'}): ${errorText(this.lib, this.handle) || '(no message)'}`, {
        hint: 'compare with the source model: hodu run MODEL.onnx --backend interp; rebuild the model, or report it',
      });
    }
    return new Map(this.model.outputs.map((t, i) => [t.name, new Tensor(t.dtype, t.dims, viewOfBytes(t.dtype, this.outputs[i]!, t.elements))]));
  }

  dispose(): void {
    if (!this.handle) return;
    this.lib.symbols.hodu_model_destroy(this.handle as Pointer);
    this.handle = 0;
    this.lib.close();
  }
}
