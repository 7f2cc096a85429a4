/** Tensors across the library boundary: onnxruntime-common's `Tensor` (or its shape) in, out as `Tensor`. */
import { Tensor as OrtTensor } from 'onnxruntime-common';
import { HoduError } from '../errors';
import { ALL_DTYPES, allocData, type DType, type TensorData } from '../ir/dtype';
import { Tensor } from '../ir/tensor';
import type { ValueInfo } from '../ir/graph';
import type { RuntimeValue } from '../sdk/backend';
import type { TensorLike, ValueMetadata } from './types';

const ACCEPTED = new Set<string>(ALL_DTYPES.filter((d) => d !== 'bfloat16'));

export function metadataOf(v: ValueInfo): ValueMetadata {
  const t = v.type;
  if (t?.kind === 'tensor' && ACCEPTED.has(t.dtype)) return { name: v.name, isTensor: true, type: t.dtype as OrtTensor.Type, shape: t.shape ?? [] };
  return { name: v.name, isTensor: false };
}

/** float16 arrives as Uint16Array bits or, where the runtime has one, a Float16Array: the same bytes. */
function storage(type: DType, data: TensorLike['data']): TensorData {
  if (type === 'float16' && !(data instanceof Uint16Array)) {
    const view = data as unknown as ArrayBufferView;
    return new Uint16Array(view.buffer, view.byteOffset, view.byteLength / 2);
  }
  return data as TensorData;
}

export function fromTensorLike(name: string, v: TensorLike | null | undefined): Tensor {
  if (!v || typeof v !== 'object' || !('type' in v) || !('dims' in v) || !('data' in v)) {
    throw new HoduError('E_INPUT', `input '${name}' must be a Tensor (onnxruntime-common) or an object with type, dims and data`, {
      hint: "e.g. new Tensor('float32', new Float32Array([1, 2]), [2])",
    });
  }
  if (!ACCEPTED.has(v.type)) {
    throw new HoduError('E_INPUT_DTYPE', `input '${name}' has type '${v.type}', which hodu does not run`, { hint: `types hodu takes: ${[...ACCEPTED].join(', ')}` });
  }
  checkDimsAndData(name, v.type as DType, v.dims, v.data);
  return new Tensor(v.type as DType, v.dims, storage(v.type as DType, v.data));
}

/**
 * onnxruntime's Tensor checks its own dims and data; a plain `{ type, dims, data }` is checked here the same
 * way, so a short buffer, a plain Array or an Int32Array given as float32 is the caller's error named by input,
 * not a kernel reading past the data or mixing BigInts with numbers.
 */
function checkDimsAndData(name: string, type: DType, dims: unknown, data: unknown): void {
  if (!Array.isArray(dims) || !dims.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new HoduError('E_INPUT_SHAPE', `input '${name}': dims must be an array of non-negative integers, got ${String(JSON.stringify(dims))}`, { hint: 'e.g. dims: [1, 3, 224, 224]' });
  }
  const storage = type === 'string' ? 'an Array of strings' : allocData(type, 0).constructor.name;
  const fits = type === 'string'
    ? Array.isArray(data) && data.every((x) => typeof x === 'string')
    : data instanceof allocData(type, 0).constructor || (type === 'float16' && (data as object | null)?.constructor?.name === 'Float16Array');
  if (!fits) {
    const got = data === null || typeof data !== 'object' ? typeof data : (data as object).constructor?.name ?? 'object';
    throw new HoduError('E_INPUT_DTYPE', `input '${name}' is ${type}: its data must be ${type === 'string' ? storage : `a ${storage}`}, got ${got}`, { hint: "onnxruntime's storage: float32 in a Float32Array, int64 in a BigInt64Array, bool in a Uint8Array, …" });
  }
  const count = dims.reduce((a: number, b: number) => a * b, 1);
  const length = (data as { length: number }).length;
  if (length !== count) {
    throw new HoduError('E_INPUT_SHAPE', `input '${name}': dims [${dims.join(',')}] hold ${count} elements, its data has ${length}`, { hint: 'give data of exactly the product of dims elements' });
  }
}

export function toOrtTensor(name: string, v: RuntimeValue): OrtTensor {
  if (v instanceof Tensor) {
    if (v.dtype === 'bfloat16') throw new HoduError('E_DTYPE', `output '${name}' is bfloat16, which onnxruntime tensors cannot hold`, { hint: 'cast it to float32 in the model' });
    return new OrtTensor(v.dtype as OrtTensor.Type, v.data as never, [...v.dims]);
  }
  throw new HoduError('E_OUTPUT', `output '${name}' is not a tensor (a sequence or an absent optional)`, { hint: 'the hodu CLI (`hodu run`) writes sequence outputs' });
}
