/* simd-body.h for AVX2 and FMA (8 lanes), used when cpu_isa() says ISA_AVX2 (x86-64 only). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif
#include "simd.h"

#if defined(__x86_64__)
#include <immintrin.h>
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#else
#pragma GCC target("avx2,fma")
#endif
#define VN 8
#define SGEMM_NR 16 /* sgemm.c's NR on this ISA */
#define SIMD_TABLE simd_avx2
#define SIMD_NAME "avx2"
#define V_FMA(a, b, c) ((V)_mm256_fmadd_ps((__m256)(a), (__m256)(b), (__m256)(c)))
#include "simd-body.h"
#if defined(__clang__)
#pragma clang attribute pop
#endif
#else
const SimdOps simd_avx2 = {0};
#endif
