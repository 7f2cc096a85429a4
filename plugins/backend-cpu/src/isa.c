/* The one run-time ISA choice (isa.h): probed once, racing first calls compute the same value. */
#include "isa.h"

#include <stdlib.h>
#include <string.h>

static CpuIsa probe(void) {
  const char *force = getenv("HODU_CPU_ISA");
  CpuIsa cap = ISA_AVX512;
  if (force && strcmp(force, "c") == 0) cap = ISA_C;
  else if (force && strcmp(force, "neon") == 0) cap = ISA_NEON;
  else if (force && strcmp(force, "avx2") == 0) cap = ISA_AVX2;
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  if (cap >= ISA_AVX512 && __builtin_cpu_supports("avx512f")) return ISA_AVX512;
  if (cap >= ISA_AVX2 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return ISA_AVX2;
#elif defined(__aarch64__)
  if (cap >= ISA_NEON) return ISA_NEON;
#endif
  return ISA_C;
}

CpuIsa cpu_isa(void) {
  static int chosen = -1;
  if (chosen < 0) chosen = (int)probe();
  return (CpuIsa)chosen;
}

const char *cpu_isa_name(CpuIsa isa) {
  switch (isa) {
    case ISA_AVX512: return "avx512";
    case ISA_AVX2: return "avx2";
    case ISA_NEON: return "neon";
    default: return "c";
  }
}
