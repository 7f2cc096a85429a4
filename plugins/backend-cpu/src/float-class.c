/*
 * IsNaN and IsInf of float32 into bool bytes (same shape). IsInf's metadata: [detect_negative,
 * detect_positive]. Plain loops that the compiler vectorizes (a compare narrowed to bytes), built at -O3.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif
#include <math.h>
#include <stdint.h>
#include "kernels.h"

int32_t check_float_class(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE(c->step->input_count == 1 && x && y && x->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_BOOL, "not float32 in, bool out");
  REQUIRE_META(numel(x) == numel(y) && c->step->metadata_count == (c->variant == OP_IS_INF ? 2u : 0u));
  return HODU_OK;
}

int32_t run_float_class(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const float *x = in_f32(c, 0);
  uint8_t *y = (uint8_t *)c->ptrs[hodu_manifest_step_output(c->step, 0)];
  const size_t n = numel(out_tensor(c, 0));
  if (c->variant == OP_IS_NAN) {
    for (size_t i = 0; i < n; i++) y[i] = x[i] != x[i];
    return HODU_OK;
  }
  const float lo = meta(c, 0) ? -INFINITY : NAN, hi = meta(c, 1) ? INFINITY : NAN; /* NaN matches nothing */
  for (size_t i = 0; i < n; i++) y[i] = (x[i] == lo) | (x[i] == hi);
  return HODU_OK;
}
