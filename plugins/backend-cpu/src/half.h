/* IEEE half ↔ float32, bit for bit as the interp's src/ir/float16.ts (round to nearest even, NaN and ±inf kept). */
#ifndef CPU_HALF_H
#define CPU_HALF_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/*
 * Blocks of n, bit for bit as the two functions above, vectorized where the CPU converts (half-convert.c);
 * js_nan: a NaN becomes the positive quiet NaN 0x7e00, as the interp stores a JavaScript NaN (which has no
 * sign), else float_to_half's (sign kept).
 */
void halves_to_floats(const uint16_t *h, float *f, size_t n);
void floats_to_halves(const float *f, uint16_t *h, size_t n, int js_nan);

#endif
