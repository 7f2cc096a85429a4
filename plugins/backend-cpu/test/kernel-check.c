/*
 * kernel-check: calls backend-cpu's sgemm and a few kernels directly on random data and compares each result
 * with a naive double-precision reference written here, then prints `N passed, N failed` (exit 1 on a
 * failure). It needs no hodu and no manifest bytes (the kernels get hand-built steps), so the same program
 * runs natively and cross-built under qemu-aarch64, which is how the arm64 build is tested:
 *   cc -std=c11 -O2 -Iffi -o kernel-check plugins/backend-cpu/test/kernel-check.c <the package.json sources> -lm
 * HODU_CPU_ISA=avx2, =neon or =c forces a narrower path (isa.h), so every path can be checked on one machine.
 * The cases live in one file per kernel family, included here (check-*.inc, helpers in check-support.h), so that
 * it stays one program built by one command.
 * HODU_CHECK_THREADS=N runs the kernels with a pool of N threads (as a plugin handle does); add
 * HODU_CPU_SPLIT_SMALL=1 so that even these small cases are split between them.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/conv.h"
#include "../src/half.h"
#include "../src/kernels.h"
#include "../src/isa.h"
#include "../src/sgemm.h"
#include "../src/simd.h"
#include "../src/threads.h"
#include "check-support.h"
#include "check-sgemm.inc"
#include "check-half.inc"
#include "check-elementwise.inc"
#include "check-simd.inc"
#include "check-trig.inc"
#include "check-conv.inc"
#include "check-index.inc"

int main(void) {
  float *ws = floats(sgemm_workspace_floats(), 0);
  printf("micro-kernel: %s\n", sgemm_kernel_name());
  printf("vector kernels: %s\n", cpu_isa_name(cpu_isa()));
  const char *threads = getenv("HODU_CHECK_THREADS");
  if (threads && !threads[0]) threads = NULL;
  ThreadPool *pool = threads ? pool_create(atoi(threads), sgemm_thread_floats()) : NULL;
  if (threads && !pool) return printf("cannot start %s threads\n", threads), 2;
  cpu_pool_set(pool);
  printf("threads: %d\n", pool_threads(pool));
  sgemm_cases(ws);
  half_cases();
  binary_cases();
  unary_cases();
  softmax_case();
  simd_cases();
  trig_cases();
  conv_cases();
  index_cases();
  printf("direct convs: %d\n", direct_convs);
  free(ws);
  cpu_pool_set(NULL);
  pool_destroy(pool);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
