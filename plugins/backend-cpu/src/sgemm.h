/* Packed, register-blocked sgemm (BLIS style) with a micro-kernel chosen at run time (AVX-512, AVX2+FMA, NEON, C). */
#ifndef CPU_SGEMM_H
#define CPU_SGEMM_H

#include <stddef.h>

/* Floats of packing workspace hodu_sgemm needs (A and B panels); allocate once, 64-byte aligned. */
size_t sgemm_workspace_floats(void);
/* Floats of private A packing each thread of the run's pool (cpu_pool()) needs: pool_create's local_floats. */
size_t sgemm_thread_floats(void);

/*
 * C = alpha · A·B + beta · C, with A [M×K] read at A[i·rsa + p·csa], B [K×N] at B[p·rsb + j·csb] (so a
 * transposed operand is just swapped strides) and C row-major with row stride ldc. beta = 0 ignores C's
 * previous contents (NaN included). `ws` holds sgemm_workspace_floats() floats. Large products are split
 * between the threads of cpu_pool() (threads.h), with the same result bits as one thread.
 */
void sgemm(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
           const float *B, ptrdiff_t rsb, ptrdiff_t csb, float beta, float *C, ptrdiff_t ldc, float *ws);

/* Width of B's column panels for sgemm_prepacked (the micro-kernel's NR: 32, 16, 12 or 8). */
int sgemm_nr(void);

/*
 * sgemm with B already packed by the caller: ceil(N / nr) column panels, panel q holding columns
 * [q·nr, q·nr + nr) as K rows of nr floats (zero past N), at bp + q·nr·K. Lets im2col write panels directly.
 */
void sgemm_prepacked(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
                     const float *bp, float beta, float *C, ptrdiff_t ldc, float *ws);

/* Floats sgemm_pack_b needs for a K×N matrix, and the packing itself (B read through its strides). */
size_t sgemm_packed_b_floats(ptrdiff_t K, ptrdiff_t N);
void sgemm_pack_b(ptrdiff_t K, ptrdiff_t N, const float *B, ptrdiff_t rsb, ptrdiff_t csb, float *bp);

/*
 * A packed once by the caller (a constant left side: conv weights): sgemm_packed_a_floats floats, made by
 * sgemm_pack_a (alpha folded in) as ceil(M / mr) row panels of the micro-kernel's MR, each K steps of mr floats
 * (zero past M). The layout follows the run-time ISA (cpu_isa()), so pack in the process that multiplies.
 */
size_t sgemm_packed_a_floats(ptrdiff_t M, ptrdiff_t K);
void sgemm_pack_a(ptrdiff_t M, ptrdiff_t K, const float *A, ptrdiff_t rsa, ptrdiff_t csa, float alpha, float *ap);
/* sgemm with A from sgemm_pack_a (alpha already in it) and B either packed (bp, as for sgemm_prepacked) or
 * read through its strides (bp NULL). Same result bits as sgemm of the unpacked A with that alpha. */
void sgemm_prepacked_a(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, const float *ap, const float *B, ptrdiff_t rsb,
                       ptrdiff_t csb, const float *bp, float beta, float *C, ptrdiff_t ldc, float *ws);

/* C += alpha · A·B for B with unit column stride, one row of C at a time (gemv.c; sgemm uses it for M ≤ 2). */
void gemm_rows(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
               const float *B, ptrdiff_t rsb, float *C, ptrdiff_t ldc);

/*
 * C[0:N] += alpha · x·B for one row x (x[p·incx]) and B packed as sgemm_prepacked's panels of nr columns
 * (gemv.c). Returns 0, doing nothing, when no variant is built for this ISA and nr.
 */
int gemv_panels(ptrdiff_t N, ptrdiff_t K, float alpha, const float *x, ptrdiff_t incx, const float *bp, int nr, float *y);

/* Name of the micro-kernel this CPU uses ("avx512 14x32", "avx2 6x16", "neon 8x12", "c 4x8"). */
const char *sgemm_kernel_name(void);

#endif
