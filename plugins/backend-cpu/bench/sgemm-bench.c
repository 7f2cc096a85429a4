/*
 * sgemm-bench: GFLOP/s of backend-cpu's sgemm for an M×N×K float32 product (default 1024³), best of ~2 s,
 * and the largest error against a double-precision dot product on 64 sampled entries.
 *   cc -std=c11 -O2 -I../../ffi -o sgemm-bench bench/sgemm-bench.c <package.json's hodu.native.sources> -lm -pthread
 *   ./sgemm-bench [M [N [K]]]     (test/bench/peak.ts builds it so; bench/sgemm-shapes.c times conv's small shapes)
 * HODU_CPU_ISA=avx2 or =c forces a narrower micro-kernel.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "../src/sgemm.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  int M = argc > 1 ? atoi(argv[1]) : 1024, N = argc > 2 ? atoi(argv[2]) : M, K = argc > 3 ? atoi(argv[3]) : M;
  float *A = malloc(sizeof(float) * (size_t)M * K), *B = malloc(sizeof(float) * (size_t)K * N);
  float *C = malloc(sizeof(float) * (size_t)M * N), *ws = aligned_alloc(64, sgemm_workspace_floats() * sizeof(float));
  if (!A || !B || !C || !ws) return 1;
  for (long i = 0; i < (long)M * K; i++) A[i] = (float)((i * 7919) % 1000) / 1000.0f - 0.5f;
  for (long i = 0; i < (long)K * N; i++) B[i] = (float)((i * 104729) % 1000) / 1000.0f - 0.5f;
  sgemm(M, N, K, 1, A, K, 1, B, N, 1, 0, C, N, ws);
  double maxerr = 0;
  for (int t = 0; t < 64; t++) {
    int i = (t * 37) % M, j = (t * 91) % N;
    double s = 0;
    for (int p = 0; p < K; p++) s += (double)A[(long)i * K + p] * B[(long)p * N + j];
    if (fabs(s - C[(long)i * N + j]) > maxerr) maxerr = fabs(s - C[(long)i * N + j]);
  }
  int reps = 0;
  double t0 = now(), best = 1e9;
  while (now() - t0 < 2.0) {
    double s = now();
    sgemm(M, N, K, 1, A, K, 1, B, N, 1, 0, C, N, ws);
    double d = now() - s;
    if (d < best) best = d;
    reps++;
  }
  printf("%dx%dx%d (%s): best %.3f ms, %.1f GFLOP/s, max error %.2e (%d runs)\n", M, N, K, sgemm_kernel_name(), best * 1e3,
         2.0 * M * N * K / best / 1e9, maxerr, reps);
  return 0;
}
