/*
 * The instruction set the kernels use, chosen once at load from the CPU (cpuid on x86; NEON is baseline on
 * aarch64) and capped by HODU_CPU_ISA=avx512|avx2|neon|c, so tests can force every path this machine has.
 * sgemm's micro-kernel and the vector kernels (simd.h) both follow this one choice.
 */
#ifndef CPU_ISA_H
#define CPU_ISA_H

typedef enum CpuIsa { ISA_C, ISA_NEON, ISA_AVX2, ISA_AVX512 } CpuIsa;

/* The widest ISA this CPU has that HODU_CPU_ISA allows (a name it does not know allows everything). */
CpuIsa cpu_isa(void);
/* "avx512", "avx2", "neon" or "c". */
const char *cpu_isa_name(CpuIsa isa);

#endif
