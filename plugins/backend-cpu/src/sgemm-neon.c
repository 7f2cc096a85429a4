/*
 * sgemm's NEON micro-kernel (aarch64): an 8×12 tile of C in 24 of the 32 q-registers, one k step being two
 * loads of A (8 rows), three of B (12 columns) and 24 vfmaq_laneq_f32, each broadcasting one lane of A for
 * free. Packing is sgemm.c's, with MR = 8 and NR = 12. Accumulators are an array indexed by constants, so
 * they stay in registers.
 */
#include "sgemm-micro.h"

#if defined(__aarch64__)
#include <arm_neon.h>

/*
 * neon_R computes only the first R rows of an 8-row A panel, so an edge tile (a one-row GEMV above all)
 * costs about R/8 of a full one (R is a constant: the `i < R` tests fold away).
 */
#define DEFINE_NEON(R)                                                                                         \
  static void neon_##R(int k, const float *a, const float *b, float *c, ptrdiff_t ldc, int mr, int nr, int first) { \
    enum { ROWS = R };                                                                                         \
    float32x4_t acc[R][3];                                                                                     \
    for (int i = 0; i < R; i++) acc[i][0] = acc[i][1] = acc[i][2] = vdupq_n_f32(0);                            \
    for (int p = 0; p < k; p++, a += 8, b += 12) {                                                             \
      float32x4_t a0 = vld1q_f32(a), a1 = R > 4 ? vld1q_f32(a + 4) : a0;                                       \
      float32x4_t b0 = vld1q_f32(b), b1 = vld1q_f32(b + 4), b2 = vld1q_f32(b + 8);                             \
      ROW(0, a0, 0) ROW(1, a0, 1) ROW(2, a0, 2) ROW(3, a0, 3) ROW(4, a1, 0) ROW(5, a1, 1) ROW(6, a1, 2) ROW(7, a1, 3) \
    }                                                                                                          \
    store_tile(&acc[0][0], R, c, ldc, mr, nr, first);                                                          \
  }
#define ROW(i, A, L)                                                                                           \
  if (i < ROWS) {                                                                                              \
    const int r_ = i < ROWS ? i : 0;                                                                              \
    acc[r_][0] = vfmaq_laneq_f32(acc[r_][0], b0, A, L);                                                        \
    acc[r_][1] = vfmaq_laneq_f32(acc[r_][1], b1, A, L);                                                        \
    acc[r_][2] = vfmaq_laneq_f32(acc[r_][2], b2, A, L);                                                        \
  }

/* The first mr (≤ rows) rows and nr columns of the accumulators into C; an edge tile through a buffer, so
 * nothing past column nr is read or written. */
static inline void store_tile(const float32x4_t *acc, int rows, float *c, ptrdiff_t ldc, int mr, int nr, int first) {
  for (int i = 0; i < mr && i < rows; i++) {
    float *ci = c + i * ldc;
    const float32x4_t *ai = acc + 3 * i;
    if (nr == 12) {
      for (int j = 0; j < 3; j++) vst1q_f32(ci + 4 * j, first ? ai[j] : vaddq_f32(ai[j], vld1q_f32(ci + 4 * j)));
      continue;
    }
    float tmp[12];
    for (int j = 0; j < 3; j++) vst1q_f32(tmp + 4 * j, ai[j]);
    for (int j = 0; j < nr; j++) ci[j] = first ? tmp[j] : ci[j] + tmp[j];
  }
}

DEFINE_NEON(2)
DEFINE_NEON(4)
DEFINE_NEON(6)
DEFINE_NEON(8)
#undef ROW
#undef DEFINE_NEON

/* Full tiles take the 8-row kernel; an edge tile of m rows the smallest one covering them. */
void sgemm_micro_neon(int k, const float *a, const float *b, float *c, ptrdiff_t ldc, int mr, int nr, int first) {
  static void (*const by_half[5])(int, const float *, const float *, float *, ptrdiff_t, int, int, int) = {
      neon_2, neon_2, neon_4, neon_6, neon_8};
  by_half[(mr + 1) / 2](k, a, b, c, ldc, mr, nr, first);
}
#else
/* Not aarch64: never picked (cpu_isa() says NEON only there); keeps the translation unit non-empty. */
void sgemm_micro_neon(int k, const float *a, const float *b, float *c, ptrdiff_t ldc, int mr, int nr, int first) {
  (void)k, (void)a, (void)b, (void)c, (void)ldc, (void)mr, (void)nr, (void)first;
}
#endif
