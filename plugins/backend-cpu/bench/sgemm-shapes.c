/*
 * sgemm-shapes: GFLOP/s of backend-cpu's sgemm on the small products a GEMM conv makes (M = output channels,
 * K = input channels × taps, N = output positions), one thread, B packed by the caller and beta 1 as conv.c
 * calls it (sgemm_prepacked_a over im2col's panels; HODU_BENCH_RAW_B=1: over B's rows, as a 1×1 conv). Best of
 * ~0.1 s per shape, the geometric mean per M, and the largest error against a double-precision product.
 *   cc -O2 -std=c11 -I../../ffi -o sgemm-shapes bench/sgemm-shapes.c <the plugin's sources> -lm -pthread
 * HODU_CPU_ISA=avx2 or =c forces a narrower micro-kernel. Optional arguments: M N K for one shape.
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

static double max_err;
static int raw_b; /* HODU_BENCH_RAW_B=1: B read through its strides (a 1×1 conv: X itself), packed by sgemm per block */

static void product(int M, int N, int K, const float *ap, const float *B, const float *bp, float *C, float *ws) {
  if (raw_b) sgemm_prepacked_a(M, N, K, ap, B, N, 1, NULL, 1.0f, C, N, ws);
  else sgemm_prepacked_a(M, N, K, ap, NULL, 0, 0, bp, 1.0f, C, N, ws);
}

static double run(int M, int N, int K) {
  float *A = malloc(sizeof(float) * (size_t)M * K), *B = malloc(sizeof(float) * (size_t)K * N);
  float *C = malloc(sizeof(float) * (size_t)M * N), *ws = aligned_alloc(64, sgemm_workspace_floats() * sizeof(float));
  float *ap = aligned_alloc(64, (sgemm_packed_a_floats(M, K) * sizeof(float) + 63) / 64 * 64);
  float *bp = aligned_alloc(64, (sgemm_packed_b_floats(K, N) * sizeof(float) + 63) / 64 * 64);
  for (long i = 0; i < (long)M * K; i++) A[i] = (float)((i * 7919) % 1000) / 1000.0f - 0.5f;
  for (long i = 0; i < (long)K * N; i++) B[i] = (float)((i * 104729) % 1000) / 1000.0f - 0.5f;
  sgemm_pack_a(M, K, A, K, 1, 1.0f, ap);
  sgemm_pack_b(K, N, B, N, 1, bp);
  for (long i = 0; i < (long)M * N; i++) C[i] = 0;
  product(M, N, K, ap, B, bp, C, ws);
  for (int t = 0; t < 64; t++) {
    int i = (t * 37) % M, j = (t * 91) % N;
    double s = 0;
    for (int p = 0; p < K; p++) s += (double)A[(long)i * K + p] * B[(long)p * N + j];
    if (fabs(s - C[(long)i * N + j]) > max_err) max_err = fabs(s - C[(long)i * N + j]);
  }
  double t0 = now(), best = 1e9;
  int reps = (int)(2e6 / ((double)M * N * K)) + 1; /* ~1 ms of work per timing */
  while (now() - t0 < 0.1) {
    double s = now();
    for (int r = 0; r < reps; r++) product(M, N, K, ap, B, bp, C, ws);
    double d = (now() - s) / reps;
    if (d < best) best = d;
  }
  free(A), free(B), free(C), free(ws), free(ap), free(bp);
  return 2.0 * M * N * K / best / 1e9;
}

int main(int argc, char **argv) {
  raw_b = getenv("HODU_BENCH_RAW_B") && atoi(getenv("HODU_BENCH_RAW_B"));
  if (argc > 3) {
    int M = atoi(argv[1]), N = atoi(argv[2]), K = atoi(argv[3]);
    printf("%dx%dx%d (%s): %.1f GFLOP/s, max error %.2e\n", M, N, K, sgemm_kernel_name(), run(M, N, K), max_err);
    return 0;
  }
  static const int Ms[] = {8, 16, 24, 32, 48, 64, 96}, Ks[] = {27, 144, 288, 576}, Ns[] = {64, 256, 1024, 3136};
  printf("%s, B %s, GFLOP/s, one thread; rows M, columns K×N\n    ", sgemm_kernel_name(), raw_b ? "by strides" : "packed");
  for (int k = 0; k < 4; k++)
    for (int n = 0; n < 4; n++) printf(" %3d×%-4d", Ks[k], Ns[n]);
  printf("  geomean\n");
  double all = 0;
  for (int m = 0; m < 7; m++) {
    double lg = 0;
    printf("M=%-2d", Ms[m]);
    for (int k = 0; k < 4; k++)
      for (int n = 0; n < 4; n++) {
        double g = run(Ms[m], Ns[n], Ks[k]);
        lg += log(g);
        printf(" %8.1f", g);
      }
    printf("  %7.1f\n", exp(lg / 16));
    all += lg;
  }
  printf("geomean of all %.1f GFLOP/s, max error %.2e\n", exp(all / 112), max_err);
  return 0;
}
