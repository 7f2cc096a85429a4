/* Elementwise float32 math: Sqrt, Exp, Log, Neg, Abs, LeakyRelu (same shape in and out). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <math.h>
#include <stdio.h>
#include "kernels.h"

/* Metadata: none, except LeakyRelu's [alpha_bits]. */
int32_t check_unary_math(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_f32_io(c, 1, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(in_tensor(c, 0) && in_tensor(c, 0)->byte_size == out_tensor(c, 0)->byte_size);
  REQUIRE_META(c->step->metadata_count == (c->variant == OP_LEAKY_RELU ? 1u : 0u));
  return HODU_OK;
}

/* One loop per op, so each is a plain loop gcc vectorizes (no call per element but the libm ones). */
int32_t run_unary_math(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  size_t n = numel(out_tensor(c, 0));
  switch (c->variant) {
    case OP_SQRT: for (size_t i = 0; i < n; i++) y[i] = sqrtf(x[i]); break;
    case OP_EXP: for (size_t i = 0; i < n; i++) y[i] = expf(x[i]); break;
    case OP_LOG: for (size_t i = 0; i < n; i++) y[i] = logf(x[i]); break;
    case OP_NEG: for (size_t i = 0; i < n; i++) y[i] = -x[i]; break;
    case OP_ABS: for (size_t i = 0; i < n; i++) y[i] = fabsf(x[i]); break;
    default: {
      float alpha = meta_f(c, 0);
      for (size_t i = 0; i < n; i++) y[i] = x[i] < 0.0f ? alpha * x[i] : x[i];
      break;
    }
  }
  return HODU_OK;
}
