/* simd-body.h for AVX-512F (16 lanes), used when cpu_isa() says ISA_AVX512 (x86-64 only). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif
#include "simd.h"

#if defined(__x86_64__)
#include <immintrin.h>
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#else
#pragma GCC target("avx512f")
#endif
#define VN 16
#define SGEMM_NR 32 /* sgemm.c's NR on this ISA */
#define SIMD_TABLE simd_avx512
#define SIMD_NAME "avx512"
#define V_FMA(a, b, c) ((V)_mm512_fmadd_ps((__m512)(a), (__m512)(b), (__m512)(c)))
#include "simd-body.h"
#if defined(__clang__)
#pragma clang attribute pop
#endif
#else
const SimdOps simd_avx512 = {0};
#endif
