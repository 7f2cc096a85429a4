import { HoduError } from '../errors';
import { allocData, isBigDType, type BigArray, type DType, type NumericArray, type TensorData } from './dtype';
import { bfloatToFloat, floatToBfloat, floatToHalf, halfToFloat } from './float16';

/** A dense tensor: dtype, dims and row-major storage (see dtype.ts for the storage of each dtype). */
export class Tensor {
  readonly dtype: DType;
  readonly dims: readonly number[];
  readonly data: TensorData;

  constructor(dtype: DType, dims: readonly number[], data?: TensorData) {
    const n = sizeOf(dims);
    this.dtype = dtype;
    this.dims = dims.slice();
    this.data = data ?? allocData(dtype, n);
    if (this.data.length !== n) {
      throw new HoduError('E_TENSOR_SIZE', `tensor of shape [${dims.join(',')}] needs ${n} elements, got ${this.data.length}`);
    }
  }

  get size(): number {
    return this.data.length;
  }
  get rank(): number {
    return this.dims.length;
  }
}

export function sizeOf(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** Row-major strides in elements. */
export function stridesOf(dims: readonly number[]): number[] {
  const s = new Array<number>(dims.length);
  let acc = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= dims[i]!;
  }
  return s;
}

/**
 * Reads any non-string tensor as plain JS numbers (float16/bfloat16 decoded, int64 via Number()).
 * For float32 and float64 returns the storage itself (no copy): callers must not mutate it.
 */
export function toNumbers(t: Tensor): Float64Array | Float32Array | NumericArray {
  const d = t.data;
  if (typeof (d as string[])[0] === 'string' || t.dtype === 'string') {
    throw new HoduError('E_DTYPE', `expected a numeric tensor, got ${t.dtype}`);
  }
  if (t.dtype === 'float16') return Float32Array.from(d as Uint16Array, halfToFloat);
  if (t.dtype === 'bfloat16') return Float32Array.from(d as Uint16Array, bfloatToFloat);
  if (isBigDType(t.dtype)) return Float64Array.from(d as BigArray, Number);
  return d as NumericArray;
}

/** Reads an integer tensor (e.g. a shape or indices input) as a number[]. */
export function toIntList(t: Tensor): number[] {
  return Array.from(toNumbers(t), (v) => Number(v));
}

/** Reads an int64/uint64 tensor exactly as bigints; other numeric dtypes are converted. */
export function toBigInts(t: Tensor): bigint[] {
  if (isBigDType(t.dtype)) return Array.from(t.data as BigArray);
  return Array.from(toNumbers(t), (v) => BigInt(Math.trunc(v)));
}

/**
 * Builds a tensor of `dtype` from JS numbers, applying the ONNX cast rules for the storage:
 * float16/bfloat16 rounded to nearest even, integers truncated toward zero and wrapped, bool = (v != 0).
 */
export function fromNumbers(dtype: DType, dims: readonly number[], values: ArrayLike<number>): Tensor {
  const n = values.length;
  const out = allocData(dtype, n);
  switch (dtype) {
    case 'float16':
      for (let i = 0; i < n; i++) (out as Uint16Array)[i] = floatToHalf(values[i]!);
      break;
    case 'bfloat16':
      for (let i = 0; i < n; i++) (out as Uint16Array)[i] = floatToBfloat(values[i]!);
      break;
    case 'bool':
      // Non-zero (NaN included, as in C and ONNX Cast) is true.
      for (let i = 0; i < n; i++) (out as Uint8Array)[i] = values[i] !== 0 ? 1 : 0;
      break;
    case 'int64':
    case 'uint64': {
      const o = out as BigArray;
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        o[i] = Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
      }
      break;
    }
    case 'string':
      throw new HoduError('E_DTYPE', 'cannot build a string tensor from numbers');
    default: {
      const o = out as NumericArray;
      // Typed-array assignment wraps integers and truncates floats toward zero, as ONNX Cast does.
      if (dtype.startsWith('int') || dtype.startsWith('uint')) {
        for (let i = 0; i < n; i++) {
          const v = values[i]!;
          o[i] = Number.isFinite(v) ? Math.trunc(v) : 0;
        }
      } else {
        for (let i = 0; i < n; i++) o[i] = values[i]!;
      }
    }
  }
  return new Tensor(dtype, dims, out);
}

/** A scalar or 1-D int64 tensor from a list of integers (handy for shapes). */
export function int64Tensor(values: readonly number[], dims: readonly number[] = [values.length]): Tensor {
  return new Tensor('int64', dims, BigInt64Array.from(values, (v) => BigInt(v)));
}

export function float32Tensor(values: ArrayLike<number>, dims: readonly number[]): Tensor {
  return new Tensor('float32', dims, Float32Array.from(values as ArrayLike<number>));
}

/** Same storage, new dims (sizes must match). */
export function reshapeTensor(t: Tensor, dims: readonly number[]): Tensor {
  return new Tensor(t.dtype, dims, t.data);
}

export function shapeToString(dims: readonly (number | string)[]): string {
  return `[${dims.join(',')}]`;
}
