/*
 * The FMA peak of ONE core, measured: the ceiling the sgemm's GFLOP/s is compared with in `npm run bench`
 * (test/bench/peak.ts compiles this with `cc -O2 -march=native` at bench time, so it uses the widest vector
 * FMA this machine has). Independent chains of fused multiply-adds (a = a*b + c, which converges and never
 * overflows or goes denormal), enough of them to cover the FMA latency on every issue port; best of several
 * timed repetitions. With AVX-512 the 256-bit width is measured too and the better one is the peak (some
 * cores issue 512-bit FMAs on fewer ports). Prints one line per width, then `peak: N GFLOP/s (width)`.
 *   cc -O2 -march=native -o peak peak.c && ./peak [seconds per repetition, default 0.2]
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#if defined(__AVX512F__) || defined(__FMA__)
#include <immintrin.h>
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#endif

/* Chains (written out in DEFINE_LOOP): FMA latency (4-5 cycles) × FMA ports (2) with headroom, within 16 registers. */
#define CHAINS 12
#define INNER 256

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Defeats dead-code elimination: the sum of the chains is printed only if it is impossible. */
static volatile float sink;

/* One width: `run(iters)` performs iters × INNER × CHAINS vector FMAs of `lanes` floats. */
typedef void (*fma_loop)(long iters);

#define DEFINE_LOOP(NAME, VEC, SET1, FMADD, ADD, STORE, LANES)                                         \
  static void NAME(long iters) {                                                                       \
    /* Twelve named registers, not an array: an array indexed in a loop may live in memory at -O2. */   \
    const VEC b = SET1(0.9999999f), c = SET1(1e-7f);                                                   \
    VEC a0 = SET1(0.00f), a1 = SET1(0.01f), a2 = SET1(0.02f), a3 = SET1(0.03f), a4 = SET1(0.04f);       \
    VEC a5 = SET1(0.05f), a6 = SET1(0.06f), a7 = SET1(0.07f), a8 = SET1(0.08f), a9 = SET1(0.09f);       \
    VEC a10 = SET1(0.10f), a11 = SET1(0.11f);                                                          \
    for (long i = 0; i < iters; i++) {                                                                 \
      for (int k = 0; k < INNER; k++) {                                                                \
        a0 = FMADD(a0, b, c); a1 = FMADD(a1, b, c); a2 = FMADD(a2, b, c); a3 = FMADD(a3, b, c);        \
        a4 = FMADD(a4, b, c); a5 = FMADD(a5, b, c); a6 = FMADD(a6, b, c); a7 = FMADD(a7, b, c);        \
        a8 = FMADD(a8, b, c); a9 = FMADD(a9, b, c); a10 = FMADD(a10, b, c); a11 = FMADD(a11, b, c);    \
      }                                                                                                \
    }                                                                                                  \
    a0 = ADD(ADD(ADD(a0, a1), ADD(a2, a3)), ADD(ADD(a4, a5), ADD(a6, a7)));                            \
    a0 = ADD(a0, ADD(ADD(a8, a9), ADD(a10, a11)));                                                     \
    float out[LANES];                                                                                  \
    STORE(out, a0);                                                                                    \
    float s = 0;                                                                                       \
    for (int l = 0; l < LANES; l++) s += out[l];                                                       \
    sink = s;                                                                                          \
  }

#if defined(__AVX512F__)
DEFINE_LOOP(loop512, __m512, _mm512_set1_ps, _mm512_fmadd_ps, _mm512_add_ps, _mm512_storeu_ps, 16)
#endif
#if defined(__FMA__)
DEFINE_LOOP(loop256, __m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_add_ps, _mm256_storeu_ps, 8)
#endif
#if defined(__ARM_NEON) && !defined(__FMA__)
static float32x4_t neon_fma(float32x4_t a, float32x4_t b, float32x4_t c) { return vfmaq_f32(c, a, b); }
DEFINE_LOOP(loop128, float32x4_t, vdupq_n_f32, neon_fma, vaddq_f32, vst1q_f32, 4)
#endif

/* Portable fallback: scalar chains the compiler may or may not turn into FMAs (a floor, not a peak). */
static void loop_scalar(long iters) {
  float a0 = 0.00f, a1 = 0.01f, a2 = 0.02f, a3 = 0.03f;
  for (long i = 0; i < iters; i++)
    for (int k = 0; k < INNER * (CHAINS / 4); k++) {
      a0 = a0 * 0.9999999f + 1e-7f;
      a1 = a1 * 0.9999999f + 1e-7f;
      a2 = a2 * 0.9999999f + 1e-7f;
      a3 = a3 * 0.9999999f + 1e-7f;
    }
  sink = a0 + a1 + a2 + a3;
}

/* GFLOP/s of one width: calibrate iters to about `seconds`, then best of 5 repetitions. */
static double measure(fma_loop run, int lanes, double seconds) {
  long iters = 16;
  for (;;) {
    double t0 = now();
    run(iters);
    double dt = now() - t0;
    if (dt >= seconds / 4) {
      iters = (long)((double)iters * seconds / dt) + 1;
      break;
    }
    iters *= 4;
  }
  double best = 1e30;
  for (int r = 0; r < 5; r++) {
    double t0 = now();
    run(iters);
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  double flops = (double)iters * INNER * CHAINS * lanes * 2.0; /* a multiply and an add per lane */
  return flops / best * 1e-9;
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 0.2;
  if (!(seconds > 0)) seconds = 0.2;
  struct { const char *name; fma_loop run; int lanes; } widths[] = {
#if defined(__AVX512F__)
    {"avx512 fma", loop512, 16},
#endif
#if defined(__FMA__)
    {"avx2 fma", loop256, 8},
#endif
#if defined(__ARM_NEON) && !defined(__FMA__)
    {"neon fma", loop128, 4},
#endif
    {"scalar", loop_scalar, 1},
  };
  int n = (int)(sizeof widths / sizeof widths[0]);
  /* The scalar floor only when no vector FMA was compiled in. */
  if (n > 1) n--;
  double best = 0;
  const char *best_name = "";
  for (int i = 0; i < n; i++) {
    double g = measure(widths[i].run, widths[i].lanes, seconds);
    printf("%s: %.1f GFLOP/s\n", widths[i].name, g);
    if (g > best) {
      best = g;
      best_name = widths[i].name;
    }
  }
  printf("peak: %.1f GFLOP/s (%s, one core)\n", best, best_name);
  if (sink == 12345.678f) printf("%f\n", (double)sink);
  return 0;
}
