/*
 * Cast between float16 and float32 (float16 storage, float32 compute): float16 → float32 is exact;
 * float32 → float16 rounds to nearest even, overflow gives ±inf, NaN stays NaN (quiet, sign kept), tiny
 * values become subnormals or ±0, bit for bit as the interp's floatToHalf (src/ir/float16.ts). The
 * variant is CAST_VARIANT(from, to); no metadata.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <stdio.h>
#include <string.h>
#include "half.h"
#include "kernels.h"

int32_t check_cast_f16(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(c->step->input_count == 1 && c->step->output_count == 1 && x && y && c->step->metadata_count == 0);
  REQUIRE(x->dtype == CAST_FROM(c->variant) && y->dtype == CAST_TO(c->variant), "dtypes %u -> %u do not match the kernel",
          (unsigned)x->dtype, (unsigned)y->dtype);
  REQUIRE_META(numel(x) == numel(y));
  return HODU_OK;
}

int32_t run_cast_f16(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const void *xv = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  void *yv = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  size_t n = numel(in_tensor(c, 0));
  uint32_t from = CAST_FROM(c->variant), to = CAST_TO(c->variant);
  if (from == to) {
    if (xv != yv) memcpy(yv, xv, n * 2);
  } else if (from == HODU_DTYPE_FLOAT16) {
    const uint16_t *x = xv;
    float *y = yv;
    for (size_t i = 0; i < n; i++) y[i] = half_to_float(x[i]);
  } else {
    const float *x = xv;
    uint16_t *y = yv;
    for (size_t i = 0; i < n; i++) y[i] = float_to_half(x[i]);
  }
  return HODU_OK;
}
