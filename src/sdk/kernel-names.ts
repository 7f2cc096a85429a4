/**
 * Kernel names: how a node of the graph is named in a DispatchManifest step, so that a native backend can
 * look its kernel up by a plain string. The rule is stable (plugins hard-code these names):
 *
 *   kernel = [domain prefix] snake_case(op) '_' dtype codes joined by '_'
 *
 * - snake_case splits before an upper-case letter that follows a lower-case letter or digit, and before the
 *   last capital of an acronym run followed by lower case: `Add` → `add`, `MatMul` → `mat_mul`,
 *   `ReduceSum` → `reduce_sum`, `LSTM` → `lstm`, `QLinearConv` → `q_linear_conv`.
 * - dtype codes (`DTYPE_CODES`): the node's tensor dtypes, inputs first then outputs, omitted optionals
 *   skipped, duplicates dropped keeping first occurrence: Add(f32, f32) → f32 = `add_f32`;
 *   Cast(f32) → i64 = `cast_f32_i64`; Reshape(f32, shape i64) → f32 = `reshape_f32_i64`.
 * - a non-default domain is prefixed with dots turned into underscores and a double underscore:
 *   `com.microsoft` FusedConv → `com_microsoft__fused_conv_f32`.
 */
import { HoduError } from '../errors';
import type { DType } from '../ir/dtype';
import { normalizeDomain } from '../ir/op-id';

/** Short dtype codes used in kernel names. */
export const DTYPE_CODES: Readonly<Record<DType, string>> = {
  float32: 'f32', float64: 'f64', float16: 'f16', bfloat16: 'bf16',
  int8: 'i8', int16: 'i16', int32: 'i32', int64: 'i64',
  uint8: 'u8', uint16: 'u16', uint32: 'u32', uint64: 'u64',
  bool: 'bool', string: 'str',
};

/** `MatMul` → `mat_mul`; see the module comment for the rule. */
export function snakeCaseOp(op: string): string {
  return op
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * The kernel name of an op for the given dtypes (inputs then outputs; duplicates are dropped here).
 * `opToKernelName('Add', ['float32', 'float32', 'float32'])` → `'add_f32'`.
 */
export function opToKernelName(op: string, dtypes: readonly DType[], domain = ''): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(op)) {
    throw new HoduError('E_KERNEL_NAME', `cannot name a kernel for op '${op}': op names are letters and digits`);
  }
  const codes: string[] = [];
  for (const d of dtypes) {
    const code = DTYPE_CODES[d];
    if (!code) throw new HoduError('E_KERNEL_NAME', `cannot name a kernel for op '${op}': unknown dtype '${d}'`);
    if (!codes.includes(code)) codes.push(code);
  }
  return [kernelPrefix(op, domain), ...codes].join('_');
}

/**
 * The op part of a kernel name (`mat_mul` for `MatMul`), useful to match kernel lists by op. Plugin code may
 * spell the default domain 'ai.onnx'; it gets no prefix, like ''.
 */
export function kernelPrefix(op: string, domain = ''): string {
  const d = normalizeDomain(domain);
  const prefix = d ? `${d.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}__` : '';
  return prefix + snakeCaseOp(op);
}
