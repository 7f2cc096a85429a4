/*
 * Row-at-a-time GEMM for a few rows of A (M = 1 is a matrix-vector product): no packing, B read once per row,
 * the row's sums in registers (simd.h's gemv, compiled per ISA).
 */
#include "sgemm.h"
#include "simd.h"

void gemm_rows(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
               const float *B, ptrdiff_t rsb, float *C, ptrdiff_t ldc) {
  const SimdOps *v = simd();
  for (ptrdiff_t i = 0; i < M; i++) v->gemv(K, alpha, A + i * rsa, csa, B, rsb, C + i * ldc, (size_t)N);
}
