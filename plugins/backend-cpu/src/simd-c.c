/*
 * simd-body.h for any CPU (the portable fallback): 4-lane generic vectors the compiler lowers to whatever
 * the baseline has (SSE2 on x86-64, scalar code elsewhere), and a·b + c as two roundings.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif
#include "simd.h"
#include "isa.h"

#define VN 4
#define SGEMM_NR 8 /* sgemm.c's NR on this ISA */
#define SIMD_TABLE simd_c
#define SIMD_NAME "c"
#define V_FMA(a, b, c) ((a) * (b) + (c))
#include "simd-body.h"

const SimdOps *simd(void) {
  switch (cpu_isa()) {
    case ISA_AVX512: return &simd_avx512;
    case ISA_AVX2: return &simd_avx2;
    case ISA_NEON: return &simd_neon;
    default: return &simd_c;
  }
}
