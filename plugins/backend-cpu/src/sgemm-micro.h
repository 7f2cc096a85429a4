/* sgemm's micro-kernels defined outside sgemm.c (see the MicroFn contract there). */
#ifndef CPU_SGEMM_MICRO_H
#define CPU_SGEMM_MICRO_H

#include <stddef.h>

/*
 * Accumulates (first = 0) or stores (first = 1) the top-left mr×nr of a tile of C (row stride ldc) from packed
 * panels: a, k steps of MR floats; b, k steps of NR floats (zero-padded past the edges).
 */
typedef void (*MicroFn)(int k, const float *a, const float *b, float *c, ptrdiff_t ldc, int mr, int nr, int first);

/* NEON, MR = 8, NR = 12 (aarch64 only). */
void sgemm_micro_neon(int k, const float *a, const float *b, float *c, ptrdiff_t ldc, int mr, int nr, int first);

#endif
