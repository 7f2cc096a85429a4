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

static inline float half_to_float(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000u) << 16, e = (h >> 10) & 0x1fu, m = h & 0x3ffu, bits;
  if (e == 0) {
    if (m == 0) bits = sign;
    else {
      /* Subnormal: normalize the mantissa into float32's exponent range. */
      int shift = 0;
      while (!(m & 0x400u)) m <<= 1, shift++;
      bits = sign | ((uint32_t)(127 - 15 + 1 - shift) << 23) | ((m & 0x3ffu) << 13);
    }
  } else if (e == 31) bits = sign | 0x7f800000u | (m << 13);
  else bits = sign | ((e - 15 + 127) << 23) | (m << 13);
  float f;
  memcpy(&f, &bits, 4);
  return f;
}

static inline uint16_t float_to_half(float v) {
  uint32_t x;
  memcpy(&x, &v, 4);
  uint32_t sign = (x >> 16) & 0x8000u, exp = (x >> 23) & 0xffu, mant = x & 0x7fffffu;
  if (exp == 0xffu) return (uint16_t)(sign | 0x7c00u | (mant ? 0x200u : 0u));
  int e = (int)exp - 127 + 15;
  if (e >= 31) return (uint16_t)(sign | 0x7c00u);
  if (e <= 0) {
    if (e < -10) return (uint16_t)sign;
    mant |= 0x800000u;
    int shift = 14 - e;
    uint32_t half = mant >> shift, rem = mant & ((1u << shift) - 1u), mid = 1u << (shift - 1);
    if (rem > mid || (rem == mid && (half & 1u))) half++;
    return (uint16_t)(sign | half);
  }
  uint32_t half = ((uint32_t)e << 10) | (mant >> 13), rem = mant & 0x1fffu;
  if (rem > 0x1000u || (rem == 0x1000u && (half & 1u))) half++;
  return (uint16_t)(sign | half);
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
