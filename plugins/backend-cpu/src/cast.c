/*
 * Cast between float32, int64, int32 and bool, with the interp's (ONNX's) rules: floats to integers
 * truncate toward zero and out-of-range values wrap modulo 2^bits (NaN and ±inf give 0), anything to bool
 * is (v != 0) (NaN is true), integers to float32 round through float64 (as the interp's Number does).
 * Between float16 and float32 (float16 storage, float32 compute): float16 → float32 is exact; float32 →
 * float16 rounds to nearest even, overflow gives ±inf, NaN stays NaN (quiet, sign kept), tiny values become
 * subnormals or ±0, bit for bit as the interp's floatToHalf (src/ir/float16.ts).
 * The kernel's variant is CAST_VARIANT(from, to) in HODU_DTYPE_* codes; no metadata.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "half.h"
#include "kernels.h"

int32_t check_cast(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(c->step->input_count == 1 && c->step->output_count == 1 && x && y && c->step->metadata_count == 0);
  REQUIRE(x->dtype == CAST_FROM(c->variant) && y->dtype == CAST_TO(c->variant), "dtypes %u -> %u do not match the kernel",
          (unsigned)x->dtype, (unsigned)y->dtype);
  REQUIRE_META(numel(x) == numel(y));
  return HODU_OK;
}

/* float → int64 with wrap-around: exact (fmod is exact, and a float32 this large has few significant bits). */
static int64_t f_to_i64(float v) {
  if (!isfinite(v)) return 0;
  if (fabsf(v) < 9.2233720368547758e18f) return (int64_t)v;
  double r = fmod((double)v, 18446744073709551616.0);
  if (r >= 9223372036854775808.0) r -= 18446744073709551616.0;
  if (r < -9223372036854775808.0) r += 18446744073709551616.0;
  return (int64_t)r;
}

#define LOOP(EXPR) for (size_t i = 0; i < n; i++) EXPR;

int32_t run_cast(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *xt = in_tensor(c, 0);
  const void *xv = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  void *yv = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  size_t n = numel(xt);
  const float *xf = xv;
  const int64_t *xl = xv;
  const int32_t *xi = xv;
  const uint8_t *xb = xv;
  float *yf = yv;
  int64_t *yl = yv;
  int32_t *yi = yv;
  uint8_t *yb = yv;
  uint32_t from = CAST_FROM(c->variant), to = CAST_TO(c->variant);
  if (from == to) {
    if (xv != yv) memcpy(yv, xv, (size_t)xt->byte_size);
    return HODU_OK;
  }
  switch (from) {
    case HODU_DTYPE_FLOAT16: halves_to_floats(xv, yf, n); break;
    case HODU_DTYPE_FLOAT32:
      if (to == HODU_DTYPE_FLOAT16) floats_to_halves(xf, yv, n, 0);
      else if (to == HODU_DTYPE_INT64) LOOP(yl[i] = f_to_i64(xf[i]))
      else if (to == HODU_DTYPE_INT32) LOOP(yi[i] = (int32_t)(uint32_t)(uint64_t)f_to_i64(xf[i]))
      else LOOP(yb[i] = xf[i] != 0.0f)
      break;
    case HODU_DTYPE_INT64:
      if (to == HODU_DTYPE_FLOAT32) LOOP(yf[i] = (float)(double)xl[i])
      else if (to == HODU_DTYPE_INT32) LOOP(yi[i] = (int32_t)(uint32_t)(uint64_t)xl[i])
      else LOOP(yb[i] = xl[i] != 0)
      break;
    case HODU_DTYPE_INT32:
      if (to == HODU_DTYPE_FLOAT32) LOOP(yf[i] = (float)xi[i])
      else if (to == HODU_DTYPE_INT64) LOOP(yl[i] = xi[i])
      else LOOP(yb[i] = xi[i] != 0)
      break;
    default: /* bool */
      if (to == HODU_DTYPE_FLOAT32) LOOP(yf[i] = xb[i] ? 1.0f : 0.0f)
      else if (to == HODU_DTYPE_INT64) LOOP(yl[i] = xb[i] ? 1 : 0)
      else LOOP(yi[i] = xb[i] ? 1 : 0)
      break;
  }
  return HODU_OK;
}
