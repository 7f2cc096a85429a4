/**
 * The float32 copies backend-cpu makes for float16 steps it runs by widening (plugins/backend-cpu/src/widen-f16.c):
 * when any step runs such a kernel, create() allocates a second arena twice the manifest's (the intermediates'
 * float32 copies, at twice the planner's offsets) and a float32 buffer for each float16 weight, graph input and
 * graph output those steps read or write. memory-budget.ts counts them before create, so a float16 model is not
 * checked against a third of what it takes.
 */
import type { DispatchManifest } from '../../sdk/manifest-layout';

/**
 * The kernels backend-cpu runs on float32 copies: WIDE_KERNELS in plugins/backend-cpu/src/plugin.c
 * (test/unit/widened-f16.test.ts checks that the two lists are the same). A plugin that has the same names as
 * native float16 kernels is over-counted, which errs on the side the limit is for.
 */
export const WIDENED_F16_KERNELS: ReadonlySet<string> = new Set([
  'conv_f16', 'conv_transpose_f16', 'mat_mul_f16', 'gemm_f16', 'layer_normalization_f16', 'softmax_f16', 'log_softmax_f16',
  'batch_normalization_f16', 'max_pool_f16', 'average_pool_f16', 'global_average_pool_f16', 'sigmoid_f16', 'tanh_f16',
  'hard_swish_f16', 'erf_f16', 'clip_f16', 'exp_f16', 'log_f16', 'leaky_relu_f16', 'pow_f16', 'max_f16', 'min_f16',
  'hard_sigmoid_f16', 'elu_f16', 'gelu_f16', 'softplus_f16', 'mish_f16',
  'reduce_sum_f16_i64', 'reduce_mean_f16_i64', 'reduce_max_f16_i64', 'reduce_min_f16_i64',
  'reduce_sum_f16', 'reduce_mean_f16', 'reduce_max_f16', 'reduce_min_f16',
  'resize_f16_f32', 'resize_f16_i64', 'resize_f16_f32_i64', 'slice_f16_i64', 'slice_f16_i32', 'slice_f16', 'pad_f16_i64', 'gather_f16_i64',
  'where_bool_f16', 'add_f16', 'sub_f16', 'mul_f16', 'div_f16', 'relu_f16', 'neg_f16', 'abs_f16', 'sqrt_f16',
  'sin_f16', 'cos_f16', 'tan_f16', 'asin_f16', 'acos_f16', 'atan_f16', 'sinh_f16', 'cosh_f16', 'asinh_f16', 'acosh_f16', 'atanh_f16', 'ceil_f16',
  'floor_f16', 'round_f16', 'reciprocal_f16', 'sign_f16', 'softsign_f16', 'thresholded_relu_f16', 'shrink_f16', 'p_relu_f16', 'mod_f16', 'sum_f16', 'mean_f16',
]);

/**
 * float16 data movement backend-cpu runs as its float32 twin on the copies next to a widened step
 * (FLEXIBLE_F16 in plugin.c, same test): counted as widened whenever the manifest has a widened step.
 */
export const FLEXIBLE_F16_KERNELS: ReadonlySet<string> = new Set([
  'split_f16', 'split_f16_i64', 'expand_f16_i64', 'tile_f16_i64', 'concat_f16', 'transpose_f16', 'identity_f16',
  'flatten_f16', 'reshape_f16_i64', 'squeeze_f16', 'squeeze_f16_i64', 'unsqueeze_f16', 'unsqueeze_f16_i64',
]);

/** A value a step reads or writes, as the copies' count needs it; `key` tells one value from another. */
interface WidenValue {
  key: number | string;
  dtype: string;
  intermediate: boolean;
  byteSize: number;
}

/**
 * Bytes of the float32 copies for `steps` (each its kernel and the values it reads and writes; undefined for an
 * absent optional one) over an arena of `arenaSize` bytes: 0 when no step is widened, else twice the arena
 * plus twice each float16 weight, input and output a widened or flexible step touches. The one count of
 * both the plan check (widenedF16Bytes) and the estimate before the run (src/runtime/memory-limit.ts).
 */
export function widenedCopiesBytes(steps: readonly { kernel: string; values: readonly (WidenValue | undefined)[] }[], arenaSize: number): number {
  const widened = steps.some((step) => WIDENED_F16_KERNELS.has(step.kernel));
  if (!widened) return 0;
  const copied = new Map<number | string, number>();
  for (const step of steps) {
    if (!WIDENED_F16_KERNELS.has(step.kernel) && !FLEXIBLE_F16_KERNELS.has(step.kernel)) continue;
    for (const v of step.values) if (v?.dtype === 'float16' && !v.intermediate) copied.set(v.key, v.byteSize);
  }
  let bytes = 2 * arenaSize;
  for (const size of copied.values()) bytes += 2 * size;
  return bytes;
}

/** Bytes of the float32 copies a widening plugin allocates at create for `m` (0 when no step is widened). */
export function widenedF16Bytes(m: DispatchManifest): number {
  const value = (id: number): WidenValue | undefined => {
    const t = id >= 0 ? m.tensors[id] : undefined;
    return t && { key: id, dtype: t.dtype, intermediate: t.role === 'intermediate', byteSize: t.byteSize };
  };
  return widenedCopiesBytes(m.steps.map((step) => ({ kernel: step.kernel, values: [...step.inputs, ...step.outputs].map(value) })), m.arenaSize);
}
