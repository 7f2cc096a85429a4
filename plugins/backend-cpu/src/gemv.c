/* Row-at-a-time GEMM for a few rows of A (M = 1 is a matrix-vector product): no packing, B read once per row. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the axpy loop (the plugin is built at -O2) */
#endif
#include "sgemm.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define CPU_CLONES __attribute__((target_clones("avx512f", "avx2,fma", "default")))
#else
#define CPU_CLONES
#endif

/* y[0:n] += s · x[0:n] */
CPU_CLONES static void axpy(ptrdiff_t n, float s, const float *restrict x, float *restrict y) {
  for (ptrdiff_t j = 0; j < n; j++) y[j] += s * x[j];
}

void gemm_rows(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
               const float *B, ptrdiff_t rsb, float *C, ptrdiff_t ldc) {
  for (ptrdiff_t i = 0; i < M; i++)
    for (ptrdiff_t p = 0; p < K; p++) axpy(N, alpha * A[i * rsa + p * csa], B + p * rsb, C + i * ldc);
}
