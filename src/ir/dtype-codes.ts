/**
 * ONNX TensorProto.DataType codes ⇄ hodu dtypes. Part of the IR's vocabulary: files, attributes (Cast `to`,
 * EyeLike `dtype`, stash_type…) and the DispatchManifest all name element types by these codes.
 */
import { HoduError } from '../errors';
import type { DType } from './dtype';

/** Codes hodu can hold (complex, float8 and 4-bit types are not in its dtype list). */
export const CODE_TO_DTYPE: Record<number, DType> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string',
  9: 'bool', 10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 16: 'bfloat16',
};

/** Names of the codes hodu cannot hold, for error messages. */
const UNSUPPORTED_NAMES: Record<number, string> = {
  14: 'COMPLEX64', 15: 'COMPLEX128', 17: 'FLOAT8E4M3FN', 18: 'FLOAT8E4M3FNUZ', 19: 'FLOAT8E5M2',
  20: 'FLOAT8E5M2FNUZ', 21: 'UINT4', 22: 'INT4', 23: 'FLOAT4E2M1',
};

const DTYPE_TO_CODE = Object.fromEntries(Object.entries(CODE_TO_DTYPE).map(([c, d]) => [d, Number(c)])) as Record<
  DType,
  number
>;

/** The hodu dtype of an ONNX data type code; `where` names the tensor or value for the error message. */
export function dtypeFromOnnx(code: number, where: string): DType {
  const d = CODE_TO_DTYPE[code];
  if (d) return d;
  const name = UNSUPPORTED_NAMES[code];
  if (name) {
    throw new HoduError('E_UNSUPPORTED_DTYPE', `${where}: ONNX data type ${name} (${code}) is not supported by hodu`, {
      hint: 'hodu supports float16/32/64, bfloat16, int8..int64, uint8..uint64, bool and string; cast the model to one of them',
    });
  }
  throw new HoduError('E_ONNX_DECODE', `${where}: unknown ONNX data type code ${code}`, {
    hint: 'the file may be corrupt or written by a newer ONNX version',
  });
}

export function dtypeToOnnx(d: DType): number {
  return DTYPE_TO_CODE[d];
}
