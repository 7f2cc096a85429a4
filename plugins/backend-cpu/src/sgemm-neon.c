/*
 * sgemm's NEON micro-kernel (aarch64): an 8×12 tile of C in 24 of the 32 q-registers, one k step being two
 * loads of A (8 rows), three of B (12 columns) and 24 vfmaq_laneq_f32, each broadcasting one lane of A for
 * free. Packing is sgemm.c's, with MR = 8 and NR = 12.
 */
#include "sgemm-micro.h"

#if defined(__aarch64__)
#include <arm_neon.h>

void sgemm_micro_neon(int k, const float *a, const float *b, float *c, ptrdiff_t ldc, int mr, int nr, int first) {
  float32x4_t c00 = vdupq_n_f32(0), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00, c20 = c00, c21 = c00,
              c22 = c00, c30 = c00, c31 = c00, c32 = c00, c40 = c00, c41 = c00, c42 = c00, c50 = c00, c51 = c00,
              c52 = c00, c60 = c00, c61 = c00, c62 = c00, c70 = c00, c71 = c00, c72 = c00;
  for (int p = 0; p < k; p++, a += 8, b += 12) {
    float32x4_t a0 = vld1q_f32(a), a1 = vld1q_f32(a + 4);
    float32x4_t b0 = vld1q_f32(b), b1 = vld1q_f32(b + 4), b2 = vld1q_f32(b + 8);
#define ROW(i, A, L)                                                                                           \
  c##i##0 = vfmaq_laneq_f32(c##i##0, b0, A, L);                                                                \
  c##i##1 = vfmaq_laneq_f32(c##i##1, b1, A, L);                                                                \
  c##i##2 = vfmaq_laneq_f32(c##i##2, b2, A, L);
    ROW(0, a0, 0) ROW(1, a0, 1) ROW(2, a0, 2) ROW(3, a0, 3) ROW(4, a1, 0) ROW(5, a1, 1) ROW(6, a1, 2) ROW(7, a1, 3)
#undef ROW
  }
  float32x4_t acc[8][3] = {{c00, c01, c02}, {c10, c11, c12}, {c20, c21, c22}, {c30, c31, c32},
                           {c40, c41, c42}, {c50, c51, c52}, {c60, c61, c62}, {c70, c71, c72}};
  if (nr == 12) {
    for (int i = 0; i < mr; i++) {
      float *ci = c + i * ldc;
      for (int j = 0; j < 3; j++) {
        float32x4_t v = first ? acc[i][j] : vaddq_f32(acc[i][j], vld1q_f32(ci + 4 * j));
        vst1q_f32(ci + 4 * j, v);
      }
    }
    return;
  }
  /* An edge tile: through a buffer, so nothing past column nr is read or written. */
  float tmp[12];
  for (int i = 0; i < mr; i++) {
    float *ci = c + i * ldc;
    for (int j = 0; j < 3; j++) vst1q_f32(tmp + 4 * j, acc[i][j]);
    for (int j = 0; j < nr; j++) ci[j] = first ? tmp[j] : ci[j] + tmp[j];
  }
}
#else
/* Not aarch64: never picked (cpu_isa() says NEON only there); keeps the translation unit non-empty. */
void sgemm_micro_neon(int k, const float *a, const float *b, float *c, ptrdiff_t ldc, int mr, int nr, int first) {
  (void)k, (void)a, (void)b, (void)c, (void)ldc, (void)mr, (void)nr, (void)first;
}
#endif
