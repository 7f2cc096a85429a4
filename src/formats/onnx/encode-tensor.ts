/** Tensor → TensorProto / SparseTensorProto. Numeric data goes to raw_data (little-endian), strings to string_data. */
import { bytesOf, type BigArray, type NumericArray } from '../../ir/dtype';
import type { Tensor } from '../../ir/tensor';
import { dtypeToOnnx } from '../../ir/dtype-codes';
import { numberToInt64, onnx } from './pb';

const utf8 = new TextEncoder();

export function tensorToProto(t: Tensor, name?: string): onnx.ITensorProto {
  const p: onnx.ITensorProto = { dims: t.dims.map(numberToInt64), dataType: dtypeToOnnx(t.dtype) };
  if (name) p.name = name;
  if (t.dtype === 'string') p.stringData = (t.data as string[]).map((s) => utf8.encode(s));
  // A view, not a copy: the protobuf writer copies it into the output buffer.
  else if (t.size > 0) p.rawData = bytesOf(t.data as NumericArray | BigArray);
  return p;
}

/** Stores only the non-zero (non-empty for strings) elements, with linear [NNZ] int64 indices. */
export function tensorToSparseProto(t: Tensor, name?: string): onnx.ISparseTensorProto {
  const data = t.data as ArrayLike<unknown>;
  const positions: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v !== 0 && v !== 0n && v !== '') positions.push(i);
  }
  const values = {
    dims: [positions.length],
    dataType: dtypeToOnnx(t.dtype),
    name: name || undefined,
  } as onnx.ITensorProto;
  if (t.dtype === 'string') values.stringData = positions.map((i) => utf8.encode(data[i] as string));
  else {
    const Ctor = (t.data as NumericArray | BigArray).constructor as unknown as { from(xs: unknown[]): NumericArray | BigArray };
    values.rawData = bytesOf(Ctor.from(positions.map((i) => data[i]))).slice();
  }
  const indices: onnx.ITensorProto = {
    dims: [positions.length],
    dataType: dtypeToOnnx('int64'),
    rawData: bytesOf(BigInt64Array.from(positions, (i) => BigInt(i))).slice(),
  };
  return { values, indices, dims: t.dims.map(numberToInt64) };
}
