/* Elementwise float32 math: Sqrt, Exp, Log, Neg, Abs, LeakyRelu (same shape in and out), through simd.h. */
#include <stdio.h>
#include "kernels.h"
#include "simd.h"

/* Metadata: none, except LeakyRelu's [alpha_bits]. */
int32_t check_unary_math(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_f32_io(c, 1, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(in_tensor(c, 0) && in_tensor(c, 0)->byte_size == out_tensor(c, 0)->byte_size);
  REQUIRE_META(c->step->metadata_count == (c->variant == OP_LEAKY_RELU ? 1u : 0u));
  return HODU_OK;
}

int32_t run_unary_math(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  size_t n = numel(out_tensor(c, 0));
  const SimdOps *v = simd();
  switch (c->variant) {
    case OP_SQRT: v->sqrt(x, y, n); break;
    case OP_EXP: v->exp(x, y, n); break;
    case OP_LOG: v->log(x, y, n); break;
    case OP_NEG: v->neg(x, y, n); break;
    case OP_ABS: v->abs(x, y, n); break;
    default: v->leaky_relu(x, y, n, meta_f(c, 0)); break;
  }
  return HODU_OK;
}
