import { HoduError } from '../errors';
/**
 * Element types. Names follow onnxruntime-common's `Tensor.Type` vocabulary; `bfloat16` is added.
 * Storage: float16/bfloat16 as raw bits in Uint16Array, bool as Uint8Array (0/1), int64/uint64 as
 * BigInt64Array/BigUint64Array, string as string[] — the same as onnxruntime-common.
 */
export type DType =
  | 'float32' | 'float64' | 'float16' | 'bfloat16'
  | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'bool' | 'string';

export type NumericArray =
  | Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;
export type BigArray = BigInt64Array | BigUint64Array;
export type TensorData = NumericArray | BigArray | string[];

export const ALL_DTYPES: readonly DType[] = [
  'float32', 'float64', 'float16', 'bfloat16', 'int8', 'int16', 'int32', 'int64',
  'uint8', 'uint16', 'uint32', 'uint64', 'bool', 'string',
];

const BYTES: Record<DType, number> = {
  float32: 4, float64: 8, float16: 2, bfloat16: 2, int8: 1, int16: 2, int32: 4, int64: 8,
  uint8: 1, uint16: 2, uint32: 4, uint64: 8, bool: 1, string: 0,
};

/** Bytes per element (0 for string: variable length). */
export function bytesPerElement(dtype: DType): number {
  return BYTES[dtype];
}

export function isFloatDType(d: DType): boolean {
  return d === 'float32' || d === 'float64' || d === 'float16' || d === 'bfloat16';
}
export function isIntDType(d: DType): boolean {
  return d.startsWith('int') || d.startsWith('uint');
}
export function isBigDType(d: DType): boolean {
  return d === 'int64' || d === 'uint64';
}
export function isDType(s: string): s is DType {
  return (ALL_DTYPES as readonly string[]).includes(s);
}

type ArrayCtor = { new (n: number): NumericArray | BigArray; new (buf: ArrayBufferLike, off: number, n: number): NumericArray | BigArray };
const CTORS: Record<Exclude<DType, 'string'>, ArrayCtor> = {
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, bfloat16: Uint16Array,
  int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
  uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array, bool: Uint8Array,
};

/** The most elements one tensor may hold: refused before allocating (a hostile shape must not take the machine). */
const MAX_TENSOR_ELEMENTS = 2 ** 31 - 1;

/** Allocates zeroed storage for `n` elements of `dtype`. */
export function allocData(dtype: DType, n: number): TensorData {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_TENSOR_ELEMENTS) {
    throw new HoduError('E_TOO_LARGE', `a ${dtype} tensor of ${n} elements is ${n < 0 ? 'impossible' : 'too large'} (limit ${MAX_TENSOR_ELEMENTS})`, {
      hint: 'check the shapes feeding it (hodu inspect MODEL); a corrupt file can claim absurd sizes',
    });
  }
  if (dtype === 'string') return new Array<string>(n).fill('');
  return new CTORS[dtype](n);
}

/**
 * Copies `byteLength` little-endian bytes at `offset` of `bytes` into fresh typed storage.
 * Copies (instead of viewing) because model files are rarely aligned for the element size.
 */
export function dataFromBytes(dtype: Exclude<DType, 'string'>, bytes: Uint8Array, count: number): NumericArray | BigArray {
  const need = count * BYTES[dtype];
  if (bytes.byteLength < need) throw new RangeError(`need ${need} bytes for ${count} ${dtype}, have ${bytes.byteLength}`);
  const copy = new Uint8Array(need);
  copy.set(bytes.subarray(0, need));
  return new CTORS[dtype](copy.buffer, 0, count);
}

/** Typed storage viewing `bytes` (no copy: writes to either show in the other); its offset must suit the dtype. */
export function viewOfBytes(dtype: Exclude<DType, 'string'>, bytes: Uint8Array, count: number): NumericArray | BigArray {
  return new CTORS[dtype](bytes.buffer, bytes.byteOffset, count);
}

/** The raw little-endian bytes of numeric storage (a view, no copy). */
export function bytesOf(data: NumericArray | BigArray): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
