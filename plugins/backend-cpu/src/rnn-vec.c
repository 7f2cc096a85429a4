/*
 * rnn-step.inc compiled per ISA: AVX-512 and AVX2+FMA on x86-64 (GCC target pragmas), and the baseline every
 * build has (SSE2 on x86-64, NEON on aarch64, plain C elsewhere: GCC lowers the vector types to whatever the
 * target has), following the plugin's one ISA choice (isa.h: the CPU, capped by HODU_CPU_ISA).
 */
#if defined(__GNUC__) && !defined(__clang__)
/* a·b + c as one fused multiply-add where the ISA has it (-std=c11 turns contraction off by default) */
#pragma GCC optimize("O3", "fp-contract=fast")
#endif
#include "rnn.h"

#include <stdint.h>
#include <string.h>
#include "isa.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define RNN_X86 1
#pragma GCC push_options
#pragma GCC target("avx512f")
#define VL 16
#define ISA(name) name##_avx512
#define ISA_NAME "avx512"
#include "rnn-step.inc"
#undef VL
#undef ISA
#undef ISA_NAME
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx2,fma")
#define VL 8
#define ISA(name) name##_avx2
#define ISA_NAME "avx2"
#include "rnn-step.inc"
#undef VL
#undef ISA
#undef ISA_NAME
#pragma GCC pop_options
#endif

#define VL 4
#define ISA(name) name##_base
#if defined(__aarch64__)
#define ISA_NAME "neon"
#elif defined(__x86_64__)
#define ISA_NAME "sse2"
#else
#define ISA_NAME "c"
#endif
#include "rnn-step.inc"
#undef VL
#undef ISA
#undef ISA_NAME

/* The table of the one ISA choice (isa.h); NEON and C both take the baseline build. */
const RnnVec *rnn_vec(void) {
  switch (cpu_isa()) {
#ifdef RNN_X86
    case ISA_AVX512: return &table_avx512;
    case ISA_AVX2: return &table_avx2;
#endif
    default: return &table_base;
  }
}
