/* simd-body.h for NEON (4 lanes, baseline on aarch64), used when cpu_isa() says ISA_NEON. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif
#include "simd.h"

#if defined(__aarch64__)
#include <arm_neon.h>
#define VN 4
#define SGEMM_NR 12 /* sgemm.c's NR on this ISA */
#define SIMD_TABLE simd_neon
#define SIMD_NAME "neon"
#define V_FMA(a, b, c) ((V)vfmaq_f32((float32x4_t)(c), (float32x4_t)(a), (float32x4_t)(b)))
#include "simd-body.h"
#else
const SimdOps simd_neon = {0};
#endif
