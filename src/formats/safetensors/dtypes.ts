import type { DType } from '../../ir/dtype';

/** safetensors dtype names hodu reads and writes. */
export const SAFETENSORS_DTYPES: Record<string, Exclude<DType, 'string'>> = {
  F64: 'float64', F32: 'float32', F16: 'float16', BF16: 'bfloat16',
  I64: 'int64', I32: 'int32', I16: 'int16', I8: 'int8',
  U64: 'uint64', U32: 'uint32', U16: 'uint16', U8: 'uint8',
  BOOL: 'bool',
};

/** Names the format defines that hodu has no dtype for: refused with a clearer message than "unknown". */
export const UNSUPPORTED_SAFETENSORS_DTYPES = new Set(['F8_E4M3', 'F8_E5M2', 'F8_E8M0', 'F6_E2M3', 'F6_E3M2', 'F4', 'C64']);

export function safetensorsNameOf(dtype: DType): string | undefined {
  return Object.entries(SAFETENSORS_DTYPES).find(([, d]) => d === dtype)?.[0];
}
