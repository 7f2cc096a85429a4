/*
 * Blocks of float16 ↔ float32 (half.h's block converters), bit for bit as half_to_float / float_to_half: F16C
 * (x86, with the AVX2 paths: every AVX2 CPU has it, checked all the same) or NEON's FCVTL/FCVTN (aarch64, always),
 * both IEEE round-to-nearest-even with subnormals; NaNs are the only values they convert otherwise (a float16
 * signalling NaN is quieted, a float32 NaN keeps its payload), so a block holding one is redone element by element. The scalar loops branch on each element's
 * rounding and ran at about 20 ns per element on random data: float16 models spent most of their time there.
 * HODU_CPU_ISA=c keeps the scalar loops (tests compare both).
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif
#include "half.h"
#include <stddef.h>
#include "isa.h"
#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#elif defined(__aarch64__)
#include <arm_neon.h>
#endif

static uint16_t encode(float v, int js_nan) { return js_nan && v != v ? (uint16_t)0x7e00u : float_to_half(v); }

static void to_floats_c(const uint16_t *h, float *f, size_t n) {
  for (size_t i = 0; i < n; i++) f[i] = half_to_float(h[i]);
}
static void to_halves_c(const float *f, uint16_t *h, size_t n, int js_nan) {
  for (size_t i = 0; i < n; i++) h[i] = encode(f[i], js_nan);
}

#if defined(__x86_64__)
__attribute__((target("avx,f16c"))) static void to_floats_f16c(const uint16_t *h, float *f, size_t n) {
  size_t i = 0;
  const __m128i top = _mm_set1_epi16(0x7e00), inf = _mm_set1_epi16(0x7c00);
  for (; i + 8 <= n; i += 8) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(h + i));
    /* F16C quiets a signalling NaN: a block holding one (or an infinity, matched alike) is done by the C loop. */
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(x, top), inf))) to_floats_c(h + i, f + i, 8);
    else _mm256_storeu_ps(f + i, _mm256_cvtph_ps(x));
  }
  to_floats_c(h + i, f + i, n - i);
}
__attribute__((target("avx,f16c"))) static void to_halves_f16c(const float *f, uint16_t *h, size_t n, int js_nan) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 v = _mm256_loadu_ps(f + i);
    if (_mm256_movemask_ps(_mm256_cmp_ps(v, v, _CMP_UNORD_Q))) to_halves_c(f + i, h + i, 8, js_nan);
    else _mm_storeu_si128((__m128i *)(void *)(h + i), _mm256_cvtps_ph(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
  }
  to_halves_c(f + i, h + i, n - i, js_nan);
}
static int has_f16c(void) {
  unsigned a, b, c, d;
  return cpu_isa() >= ISA_AVX2 && __get_cpuid(1, &a, &b, &c, &d) && (c & bit_F16C);
}
#elif defined(__aarch64__)
static void to_floats_neon(const uint16_t *h, float *f, size_t n) {
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    uint16x4_t x = vld1_u16(h + i);
    /* FCVTL quiets a signalling NaN: a block holding one (or an infinity, matched alike) is done by the C loop. */
    if (vmaxv_u16(vceq_u16(vand_u16(x, vdup_n_u16(0x7e00)), vdup_n_u16(0x7c00)))) to_floats_c(h + i, f + i, 4);
    else vst1q_f32(f + i, vcvt_f32_f16(vreinterpret_f16_u16(x)));
  }
  to_floats_c(h + i, f + i, n - i);
}
static void to_halves_neon(const float *f, uint16_t *h, size_t n, int js_nan) {
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    float32x4_t v = vld1q_f32(f + i);
    if (vminvq_u32(vceqq_f32(v, v)) == 0) to_halves_c(f + i, h + i, 4, js_nan); /* a NaN lane */
    else vst1_u16(h + i, vreinterpret_u16_f16(vcvt_f16_f32(v)));
  }
  to_halves_c(f + i, h + i, n - i, js_nan);
}
#endif

void halves_to_floats(const uint16_t *h, float *f, size_t n) {
#if defined(__x86_64__)
  static int fast = -1;
  if (fast < 0) fast = has_f16c();
  if (fast) {
    to_floats_f16c(h, f, n);
    return;
  }
#elif defined(__aarch64__)
  if (cpu_isa() == ISA_NEON) {
    to_floats_neon(h, f, n);
    return;
  }
#endif
  to_floats_c(h, f, n);
}

void floats_to_halves(const float *f, uint16_t *h, size_t n, int js_nan) {
#if defined(__x86_64__)
  static int fast = -1;
  if (fast < 0) fast = has_f16c();
  if (fast) {
    to_halves_f16c(f, h, n, js_nan);
    return;
  }
#elif defined(__aarch64__)
  if (cpu_isa() == ISA_NEON) {
    to_halves_neon(f, h, n, js_nan);
    return;
  }
#endif
  to_halves_c(f, h, n, js_nan);
}
