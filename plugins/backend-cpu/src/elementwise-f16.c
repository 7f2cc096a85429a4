/*
 * float16 storage, float32 compute: Add, Sub, Mul, Div with numpy broadcasting (Add's metadata) and Relu, Neg,
 * Abs, Sqrt (no metadata). Each element is decoded, computed in float32 and rounded once to float16. The interp
 * computes in double and rounds through float32 to float16; for these ops both give the same bits (the float32
 * result is the correctly rounded double one: +, −, ×, ÷ and √ of float16 values rounded to float32 directly or
 * through double agree), which is why only these ops have float16 kernels.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <math.h>
#include <stdio.h>
#include "half.h"
#include "kernels.h"

/* A NaN result is stored as the positive quiet NaN, as the interp's (a JavaScript NaN has no sign). */
static inline uint16_t store_half(float v) { return v != v ? (uint16_t)0x7e00u : float_to_half(v); }

static int32_t check_f16_io(const KernelCall *c, uint32_t inputs, char *err, size_t err_cap) {
  REQUIRE_META(c->step->input_count == inputs && c->step->output_count == 1);
  for (uint32_t i = 0; i < inputs; i++) REQUIRE(in_tensor(c, i) && in_tensor(c, i)->dtype == HODU_DTYPE_FLOAT16, "input %u is not float16", (unsigned)i);
  REQUIRE(out_tensor(c, 0) && out_tensor(c, 0)->dtype == HODU_DTYPE_FLOAT16, "output is not float16");
  return HODU_OK;
}

int32_t check_binary_f16(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_f16_io(c, 2, err, err_cap);
  if (s != HODU_OK) return s;
  return check_broadcast_meta(c, err, err_cap);
}

#define ROW(OPR) for (size_t j = 0; j < n; j++) y[j] = store_half(half_to_float(a[(ptrdiff_t)j * ia]) OPR half_to_float(b[(ptrdiff_t)j * ib]));

int32_t run_binary_f16(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const uint16_t *xa = c->ptrs[hodu_manifest_step_input(c->step, 0)], *xb = c->ptrs[hodu_manifest_step_input(c->step, 1)];
  uint16_t *out = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  FOR_BROADCAST_ROWS(c, uint16_t, xa, xb, out, {
    switch (c->variant) {
      case OP_ADD: ROW(+) break;
      case OP_SUB: ROW(-) break;
      case OP_MUL: ROW(*) break;
      default: ROW(/) break;
    }
  });
  return HODU_OK;
}

int32_t check_unary_f16(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_f16_io(c, 1, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(c->step->metadata_count == 0 && numel(in_tensor(c, 0)) == numel(out_tensor(c, 0)));
  return HODU_OK;
}

int32_t run_unary_f16(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const uint16_t *x = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  uint16_t *y = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  const size_t n = numel(out_tensor(c, 0));
  switch (c->variant) {
    /* As the interp's x < 0 ? 0 : x: NaN and −0 pass through (re-encoded, so NaN is the quiet one). */
    case OP_HALF_RELU:
      for (size_t i = 0; i < n; i++) {
        float v = half_to_float(x[i]);
        y[i] = store_half(v < 0.0f ? 0.0f : v);
      }
      break;
    case OP_HALF_NEG: for (size_t i = 0; i < n; i++) y[i] = store_half(-half_to_float(x[i])); break;
    case OP_HALF_ABS: for (size_t i = 0; i < n; i++) y[i] = store_half(fabsf(half_to_float(x[i]))); break;
    default: for (size_t i = 0; i < n; i++) y[i] = store_half(sqrtf(half_to_float(x[i]))); break;
  }
  return HODU_OK;
}
