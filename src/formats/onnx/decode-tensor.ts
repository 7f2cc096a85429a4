/** TensorProto / SparseTensorProto → Tensor. */
import { HoduError } from '../../errors';
import { allocData, bytesPerElement, dataFromBytes, type BigArray, type DType, type NumericArray, type TensorData } from '../../ir/dtype';
import { Tensor, sizeOf } from '../../ir/tensor';
import type { DecodeContext } from './context';
import { dtypeFromOnnx } from '../../ir/dtype-codes';
import { parseExternalRef, readExternalData } from './external-data';
import { int64ToBigInt, int64ToNumber, onnx } from './pb';

/** Refuse element counts we could never allocate (a corrupt dims list must not take the process down). */
const MAX_ELEMENTS = 2 ** 31;

const utf8 = new TextDecoder('utf-8');

function bad(ctx: DecodeContext, where: string, detail: string): HoduError {
  return new HoduError('E_ONNX_DECODE', `${ctx.label}: ${where}: ${detail}`, {
    hint: 'the tensor data in the file is inconsistent; the file may be corrupt or truncated',
  });
}

function decodeDims(dims: onnx.ITensorProto['dims'], ctx: DecodeContext, where: string): number[] {
  const out = (dims ?? []).map(int64ToNumber);
  for (const d of out) if (!Number.isSafeInteger(d) || d < 0) throw bad(ctx, where, `invalid dimension ${d} in [${out.join(',')}]`);
  if (sizeOf(out) > MAX_ELEMENTS) throw bad(ctx, where, `shape [${out.join(',')}] is too large`);
  return out;
}

/** Decodes a TensorProto; `where` names it in messages (e.g. "initializer 'w'"). */
export function tensorFromProto(p: onnx.ITensorProto, ctx: DecodeContext, where = `tensor '${p.name ?? ''}'`): Tensor {
  if (p.segment) throw new HoduError('E_UNSUPPORTED', `${ctx.label}: ${where}: segmented tensors are not supported`);
  const dtype = dtypeFromOnnx(p.dataType ?? 0, `${ctx.label}: ${where}`);
  const dims = decodeDims(p.dims, ctx, where);
  const n = sizeOf(dims);
  return new Tensor(dtype, dims, payload(p, dtype, n, ctx, where));
}

function payload(p: onnx.ITensorProto, dtype: DType, n: number, ctx: DecodeContext, where: string): TensorData {
  if (n === 0) return allocData(dtype, 0);
  if (p.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL) {
    if (dtype === 'string') throw bad(ctx, where, 'string tensors cannot be stored as external data');
    const need = n * bytesPerElement(dtype);
    if (!ctx.loadExternalData) return allocData(dtype, n); // placeholder zeros, by request (e.g. inspect)
    const bytes = readExternalData(ctx, parseExternalRef(p.externalData ?? [], where), need, where);
    return dataFromBytes(dtype, bytes, n);
  }
  const raw = p.rawData;
  if (raw && raw.length > 0) {
    if (dtype === 'string') throw bad(ctx, where, 'string tensors cannot use raw_data');
    const need = n * bytesPerElement(dtype);
    if (raw.length !== need) throw bad(ctx, where, `raw_data has ${raw.length} bytes, ${dtype} shape of ${n} elements needs ${need}`);
    return dataFromBytes(dtype, raw, n); // copies: raw_data is rarely aligned for the element size
  }
  return typedPayload(p, dtype, n, ctx, where);
}

/** The typed repeated fields, each of which carries several dtypes (see onnx.proto comments). */
function typedPayload(p: onnx.ITensorProto, dtype: DType, n: number, ctx: DecodeContext, where: string): TensorData {
  const check = (field: string, len: number) => {
    if (len !== n) throw bad(ctx, where, `${field} has ${len} values, shape needs ${n}`);
  };
  switch (dtype) {
    case 'float32': {
      const src = p.floatData ?? [];
      check('float_data', src.length);
      return Float32Array.from(src);
    }
    case 'float64': {
      const src = p.doubleData ?? [];
      check('double_data', src.length);
      return Float64Array.from(src);
    }
    case 'int64': {
      const src = p.int64Data ?? [];
      check('int64_data', src.length);
      return BigInt64Array.from(src, (v) => int64ToBigInt(v));
    }
    case 'uint64': {
      const src = p.uint64Data ?? [];
      check('uint64_data', src.length);
      return BigUint64Array.from(src, (v) => int64ToBigInt(v, true));
    }
    case 'uint32': {
      const src = p.uint64Data ?? [];
      check('uint64_data', src.length);
      return Uint32Array.from(src, (v) => Number(int64ToBigInt(v, true) & 0xffffffffn));
    }
    case 'string': {
      const src = p.stringData ?? [];
      check('string_data', src.length);
      return src.map((b) => utf8.decode(b));
    }
    default: {
      // int32_data carries int32, int16, int8, uint16, uint8, bool and the bit patterns of float16/bfloat16.
      const src = p.int32Data ?? [];
      check('int32_data', src.length);
      const out = allocData(dtype, n) as Exclude<NumericArray, Float32Array | Float64Array>;
      for (let i = 0; i < n; i++) out[i] = src[i]!; // typed-array stores wrap to the element width
      return out;
    }
  }
}

/** Decodes a SparseTensorProto into a dense tensor (zeros, or '' for strings, where no value is given). */
export function tensorFromSparseProto(p: onnx.ISparseTensorProto, ctx: DecodeContext, where: string): Tensor {
  if (!p.values) throw bad(ctx, where, 'sparse tensor has no values');
  const values = tensorFromProto(p.values, ctx, `${where} values`);
  const dims = decodeDims(p.dims, ctx, where);
  const n = sizeOf(dims);
  const nnz = values.size;
  const out = new Tensor(values.dtype, dims);
  const indices = p.indices ? tensorFromProto(p.indices, ctx, `${where} indices`) : undefined;
  const idx = indices ? (indices.dtype === 'int64' ? Array.from(indices.data as BigArray, Number) : Array.from(indices.data as NumericArray)) : [];
  // Indices are either linear ([NNZ]) or coordinates ([NNZ, rank]).
  const linear = indices?.rank === 1;
  if (nnz > 0 && (!indices || (linear ? idx.length !== nnz : indices.rank !== 2 || indices.dims[0] !== nnz || indices.dims[1] !== dims.length))) {
    throw bad(ctx, where, `sparse indices of shape [${indices?.dims.join(',') ?? ''}] do not match ${nnz} values of a rank-${dims.length} tensor`);
  }
  const strides = dims.map((_, i) => sizeOf(dims.slice(i + 1)));
  const dst = out.data as unknown[];
  const src = values.data as unknown as unknown[];
  for (let k = 0; k < nnz; k++) {
    let pos = 0;
    if (linear) pos = idx[k]!;
    else for (let a = 0; a < dims.length; a++) pos += idx[k * dims.length + a]! * strides[a]!;
    if (!(pos >= 0 && pos < n)) throw bad(ctx, where, `sparse index ${pos} is outside a tensor of ${n} elements`);
    dst[pos] = src[k];
  }
  return out;
}
