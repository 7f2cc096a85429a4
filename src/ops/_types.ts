/**
 * Named dtype lists for the schemas' type constraints: ONNX's "all float types", "all numeric types", … in hodu's
 * dtype names. ONNX added bfloat16 to most ops at opset 13; ops it left out keep the `_BUT_BF16` lists.
 */
import type { DType } from '../ir/dtype';

export const FLOATS: readonly DType[] = ['float32', 'float64', 'float16'];
export const FLOATS_BF16: readonly DType[] = [...FLOATS, 'bfloat16'];
export const INTS: readonly DType[] = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64'];
/** Index tensors (Gather's Tind, Slice's starts, …). */
export const INDEX: readonly DType[] = ['int32', 'int64'];
/** ONNX's "high-precision numeric" types (Gemm, MatMul, PRelu, Reduce*). */
export const HIGH_PRECISION: readonly DType[] = [...FLOATS_BF16, 'int32', 'int64', 'uint32', 'uint64'];
export const NUMERIC: readonly DType[] = [...FLOATS_BF16, ...INTS];
/** ONNX's signed numeric types (Neg, Relu). */
export const SIGNED: readonly DType[] = [...FLOATS_BF16, 'int8', 'int16', 'int32', 'int64'];
export const NUMERIC_BOOL: readonly DType[] = [...NUMERIC, 'bool'];
export const NUMERIC_BOOL_BUT_BF16: readonly DType[] = [...FLOATS, ...INTS, 'bool'];
export const NUMERIC_BUT_BF16: readonly DType[] = [...FLOATS, ...INTS];
export const ALL: readonly DType[] = [...NUMERIC, 'bool', 'string'];
export const ALL_BUT_BF16: readonly DType[] = [...NUMERIC_BUT_BF16, 'bool', 'string'];
