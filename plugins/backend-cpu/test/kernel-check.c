/*
 * kernel-check: calls backend-cpu's sgemm and a few kernels directly on random data and compares each result
 * with a naive double-precision reference written here, then prints `N passed, N failed` (exit 1 on a
 * failure). It needs no hodu and no manifest bytes (the kernels get hand-built steps), so the same program
 * runs natively and cross-built under qemu-aarch64, which is how the arm64 build is tested:
 *   cc -std=c11 -O2 -Iffi -o kernel-check plugins/backend-cpu/test/kernel-check.c <the package.json sources> -lm
 * HODU_CPU_ISA=avx2, =neon or =c forces a narrower path (isa.h), so every path can be checked on one machine.
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

static int passed, failed;
static uint64_t rng = 0x9E3779B97F4A7C15ull;

/* xorshift64*: uniform in [-1, 1), the same sequence on every architecture. */
static float frand(void) {
  rng ^= rng >> 12, rng ^= rng << 25, rng ^= rng >> 27;
  return (float)((double)((rng * 0x2545F4914F6CDD1Dull) >> 11) / 9007199254740992.0 * 2.0 - 1.0);
}

/* 64-byte aligned floats (the ABI's alignment), filled with frand() · scale, or NaN when scale is NAN. */
static float *floats(size_t n, float scale) {
  float *p = aligned_alloc(64, ((n * sizeof(float) + 63) / 64 + 1) * 64);
  if (!p) abort();
  for (size_t i = 0; i < n; i++) p[i] = isnan(scale) ? NAN : frand() * scale;
  return p;
}

/* One verdict: got[i] within tol[i] (or, with tol NULL, 1e-6 + 1e-5·|want|) of want[i] for every i. */
static void verdict(const char *what, const float *got, const double *want, const double *tol, size_t n) {
  for (size_t i = 0; i < n; i++) {
    double g = got[i], t = tol ? tol[i] : 1e-6 + 1e-5 * fabs(want[i]);
    if (!(fabs(g - want[i]) <= t)) {
      failed++;
      printf("FAIL %s: element %zu is %.9g, expected %.9g (tolerance %.3g)\n", what, i, g, want[i], t);
      return;
    }
  }
  passed++;
}

static void fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("FAIL ");
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
  failed++;
}

/* ---- sgemm ---- */

/* C = alpha·A·B + beta·C in double, with the bound (K + 2)·2⁻²²·Σ|alpha·a·b| + |beta·c| on float32's error. */
static void gemm_ref(int M, int N, int K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa, const float *B,
                     ptrdiff_t rsb, ptrdiff_t csb, float beta, const float *C, ptrdiff_t ldc, double *want, double *tol) {
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      double s = 0, mag = 0;
      for (int p = 0; p < K; p++) {
        double v = (double)A[i * rsa + p * csa] * B[p * rsb + j * csb];
        s += v, mag += fabs(v);
      }
      double c = beta == 0 ? 0 : (double)beta * C[i * ldc + j];
      want[i * N + j] = alpha * s + c;
      tol[i * N + j] = (K + 2) * 2.4e-7 * (fabs(alpha) * mag + fabs(c)) + 1e-7;
    }
}

/* One verdict for a whole M×N result stored with row stride ldc. */
static void check_rows(const char *what, const float *C, ptrdiff_t ldc, const double *want, const double *tol, int M, int N) {
  float *dense = floats((size_t)M * N, 0);
  for (int i = 0; i < M; i++) memcpy(dense + (size_t)i * N, C + i * ldc, sizeof(float) * (size_t)N);
  verdict(what, dense, want, tol, (size_t)M * N);
  free(dense);
}

/* Every layout (A, B transposed or not), alpha, beta (0 must ignore a C full of NaN) and ldc > N. */
static void sgemm_case(int M, int N, int K, int variant, float *ws) {
  int ta = variant & 1, tb = (variant >> 1) & 1;
  float alpha = (variant & 4) ? -0.5f : 1.0f, beta = (variant % 3 == 0) ? 0.0f : (variant % 3 == 1 ? 1.0f : 0.25f);
  ptrdiff_t ldc = N + (variant & 1) * 3;
  float *A = floats((size_t)M * K, 1), *B = floats((size_t)K * N, 1), *C = floats((size_t)M * ldc, beta == 0 ? NAN : 1);
  ptrdiff_t rsa = ta ? 1 : K, csa = ta ? M : 1, rsb = tb ? 1 : N, csb = tb ? K : 1;
  double *want = malloc(sizeof(double) * (size_t)M * N), *tol = malloc(sizeof(double) * (size_t)M * N);
  gemm_ref(M, N, K, alpha, A, rsa, csa, B, rsb, csb, beta, C, ldc, want, tol);
  sgemm(M, N, K, alpha, A, rsa, csa, B, rsb, csb, beta, C, ldc, ws);
  char what[128];
  snprintf(what, sizeof what, "sgemm %dx%dx%d%s%s alpha %g beta %g ldc %td", M, N, K, ta ? " A^T" : "", tb ? " B^T" : "", alpha, beta, ldc);
  check_rows(what, C, ldc, want, tol, M, N);
  free(A), free(B), free(C), free(want), free(tol);
}

/* B packed by hand into nr-column panels (zero past N), as im2col writes them. */
static void sgemm_prepacked_case(int M, int N, int K, float *ws) {
  int nr = sgemm_nr(), panels = (N + nr - 1) / nr;
  float *A = floats((size_t)M * K, 1), *B = floats((size_t)K * N, 1), *C = floats((size_t)M * N, NAN);
  float *bp = floats((size_t)panels * nr * K, 0);
  for (int q = 0; q < panels; q++)
    for (int p = 0; p < K; p++)
      for (int j = 0; j < nr; j++) bp[(size_t)q * nr * K + (size_t)p * nr + j] = q * nr + j < N ? B[p * N + q * nr + j] : 0;
  double *want = malloc(sizeof(double) * (size_t)M * N), *tol = malloc(sizeof(double) * (size_t)M * N);
  gemm_ref(M, N, K, 1, A, K, 1, B, N, 1, 0, C, N, want, tol);
  sgemm_prepacked(M, N, K, 1, A, K, 1, bp, 0, C, N, ws);
  char what[96];
  snprintf(what, sizeof what, "sgemm_prepacked %dx%dx%d (nr %d)", M, N, K, nr);
  check_rows(what, C, N, want, tol, M, N);
  free(A), free(B), free(C), free(bp), free(want), free(tol);
}

/* gemm_rows accumulates: C += alpha·A·B. */
static void gemm_rows_case(int M, int N, int K) {
  float *A = floats((size_t)M * K, 1), *B = floats((size_t)K * N, 1), *C = floats((size_t)M * N, 1);
  double *want = malloc(sizeof(double) * (size_t)M * N), *tol = malloc(sizeof(double) * (size_t)M * N);
  gemm_ref(M, N, K, 0.75f, A, K, 1, B, N, 1, 1, C, N, want, tol);
  gemm_rows(M, N, K, 0.75f, A, K, 1, B, N, C, N);
  char what[64];
  snprintf(what, sizeof what, "gemm_rows %dx%dx%d", M, N, K);
  check_rows(what, C, N, want, tol, M, N);
  free(A), free(B), free(C), free(want), free(tol);
}

/* ---- kernels through a hand-built step ---- */

typedef struct Step {
  HoduManifestTensor t[4];
  int64_t dims[4][8];
  void *ptrs[4];
  int32_t ids[4];
  int64_t meta[64];
  HoduManifestStep step;
} Step;

/* Tensor `id` of the step (inputs first, then output 0): float32, `rank` dims, data `p`. */
static void tensor(Step *s, int id, int rank, const int64_t *dims, float *p) {
  size_t n = 1;
  for (int d = 0; d < rank; d++) s->dims[id][d] = dims[d], n *= (size_t)dims[d];
  s->t[id] = (HoduManifestTensor){.id = (uint32_t)id, .dtype = HODU_DTYPE_FLOAT32, .role = HODU_ROLE_INTERMEDIATE, .rank = (uint32_t)rank,
                                  .byte_size = n * sizeof(float), .name = "t", .dims_raw = (const uint8_t *)s->dims[id]};
  s->ptrs[id] = p;
  s->ids[id] = id;
}

/* check (which must accept the step), then run with the scratch it asked for; 0 when both succeeded. */
static int call(Step *s, const char *kernel, int inputs, int n_meta, CheckFn check, KernelFn run, int variant) {
  s->step = (HoduManifestStep){.kernel = kernel, .node = "n", .input_count = (uint32_t)inputs, .output_count = 1,
                               .metadata_count = (uint32_t)n_meta, .ids_raw = (const uint8_t *)s->ids, .metadata_raw = (const uint8_t *)s->meta};
  KernelCall c = {.step = &s->step, .ptrs = s->ptrs, .tensors = s->t, .variant = variant};
  char err[512] = "";
  size_t need = 0;
  int32_t st = check(&c, &need, err, sizeof err);
  if (st != HODU_OK) return fail("%s refused a valid step (status %d): %s", kernel, st, err), 1;
  float *scratch = floats(need + 1, 0);
  c.scratch = scratch;
  st = run(&c, err, sizeof err);
  free(scratch);
  if (st != HODU_OK) return fail("%s failed (status %d): %s", kernel, st, err), 1;
  return 0;
}

/* Add/Sub/Mul/Div of [2,3,37] with [3,1] broadcast (b's strides 0,1,0), and with itself (no broadcast). */
static void binary_cases(void) {
  static const char *names[] = {"add_f32", "sub_f32", "mul_f32", "div_f32"};
  const int64_t yd[3] = {2, 3, 37}, bd[2] = {3, 1};
  for (int op = OP_ADD; op <= OP_DIV; op++)
    for (int bcast = 0; bcast < 2; bcast++) {
      size_t n = 2 * 3 * 37;
      float *a = floats(n, 1), *b = floats(bcast ? 3 : n, 1), *y = floats(n, NAN);
      if (op == OP_DIV)
        for (size_t i = 0; i < (bcast ? 3 : n); i++) b[i] += b[i] < 0 ? -0.5f : 0.5f; /* away from 0 */
      Step s = {0};
      tensor(&s, 0, 3, yd, a), tensor(&s, 1, bcast ? 2 : 3, bcast ? bd : yd, b), tensor(&s, 2, 3, yd, y);
      int64_t m[] = {3, 2, 3, 37, 111, 37, 1, bcast ? 0 : 111, bcast ? 1 : 37, bcast ? 0 : 1};
      memcpy(s.meta, m, sizeof m);
      if (call(&s, names[op], 2, 10, check_binary, run_binary, op) == 0) {
        double *want = malloc(sizeof(double) * n);
        for (size_t i = 0; i < n; i++) {
          double x = a[i], v = bcast ? b[(i / 37) % 3] : b[i];
          want[i] = op == OP_ADD ? x + v : op == OP_SUB ? x - v : op == OP_MUL ? x * v : x / v;
        }
        char what[64];
        snprintf(what, sizeof what, "%s%s", names[op], bcast ? " broadcast" : "");
        verdict(what, y, want, NULL, n);
        free(want);
      }
      free(a), free(b), free(y);
    }
}

static double unary_ref(int op, double x) {
  switch (op) {
    case OP_RELU: return x < 0 ? 0 : x;
    case OP_SIGMOID: return 1 / (1 + exp(-x));
    case OP_TANH: return tanh(x);
    case OP_ERF: return erf(x);
    default: return x * fmin(1, fmax(0, x / 6 + 0.5));
  }
}

static void unary_cases(void) {
  static const struct { const char *name; int op; } ops[] = {
      {"relu_f32", OP_RELU}, {"sigmoid_f32", OP_SIGMOID}, {"tanh_f32", OP_TANH}, {"erf_f32", OP_ERF}, {"hard_swish_f32", OP_HARD_SWISH}};
  const int64_t d[1] = {1001};
  for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
    float *x = floats(1001, 12), *y = floats(1001, NAN); /* ±12 reaches the saturated ends */
    Step s = {0};
    tensor(&s, 0, 1, d, x), tensor(&s, 1, 1, d, y);
    if (call(&s, ops[k].name, 1, 0, check_unary, run_unary, ops[k].op) == 0) {
      double want[1001];
      for (int i = 0; i < 1001; i++) want[i] = unary_ref(ops[k].op, x[i]);
      verdict(ops[k].name, y, want, NULL, 1001);
    }
    free(x), free(y);
  }
}

/* Softmax over the middle axis of [3, 17, 5] (metadata [outer, n, inner]). */
static void softmax_case(void) {
  const int64_t d[3] = {3, 17, 5};
  float *x = floats(255, 8), *y = floats(255, NAN);
  Step s = {0};
  tensor(&s, 0, 3, d, x), tensor(&s, 1, 3, d, y);
  int64_t m[] = {3, 17, 5};
  memcpy(s.meta, m, sizeof m);
  if (call(&s, "softmax_f32", 1, 3, check_softmax, run_softmax, 0) != 0) return;
  double want[255];
  for (int o = 0; o < 3; o++)
    for (int in = 0; in < 5; in++) {
      double sum = 0;
      for (int q = 0; q < 17; q++) sum += exp(x[o * 85 + q * 5 + in]);
      for (int q = 0; q < 17; q++) want[o * 85 + q * 5 + in] = exp(x[o * 85 + q * 5 + in]) / sum;
    }
  verdict("softmax_f32 [3,17,5] axis 1", y, want, NULL, 255);
  free(x), free(y);
}

/* ---- simd.h's vector math against libm (in double), for the ISA this run picked ---- */

static double sigmoid_ref(double x) { return 1 / (1 + exp(-x)); }

/*
 * f over a dense sweep of [lo, hi] (plus ±0, ±inf, NaN, a subnormal): within `ulps` float ulps of the
 * reference (measured: exp 1.3, log 0.8, sigmoid 2.5, tanh 1.3, mish 3.02) or `abs` absolute (erf: 4.5e-7 measured).
 */
static void math_case(const char *name, MapFn f, double (*ref)(double), float lo, float hi, double ulps, double abs_tol) {
  enum { N = 200003 };
  static float x[N + 6], y[N + 6];
  for (int i = 0; i < N; i++) x[i] = lo + (hi - lo) * (float)((double)i / (N - 1));
  const float special[6] = {0.0f, -0.0f, INFINITY, -INFINITY, NAN, 1e-45f};
  memcpy(x + N, special, sizeof special);
  f(x, y, N + 6);
  for (int i = 0; i < N + 6; i++) {
    double want = ref(x[i]);
    float w = (float)want;
    if (isnan(want) ? isnan(y[i]) : (isinf(w) || w == 0.0f) ? y[i] == w || fabs(y[i] - want) <= 1.5e-45 : 0) continue;
    double ulp = fabs((double)nextafterf(w, INFINITY) - w), err = fabs(y[i] - want);
    if (!(err <= ulps * ulp || err <= abs_tol || err <= 1.5e-45)) {
      fail("%s %s(%.9g) is %.9g, libm %.9g (%.2f ulp)", simd()->name, name, x[i], y[i], want, err / ulp);
      return;
    }
  }
  passed++;
}

/* The reductions on odd sizes (tails), against double: max (and NaN), Σ, Σ(x − m)², Σ exp(x − s). */
static void reduction_cases(void) {
  const SimdOps *v = simd();
  static const size_t sizes[] = {1, 3, 15, 17, 255, 257, 1031};
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    size_t n = sizes[k];
    float *x = floats(n, 4), *y = floats(n, NAN);
    double max = -INFINITY, sum = 0, sq = 0, es = 0, mag = 0;
    for (size_t i = 0; i < n; i++) max = x[i] > max ? x[i] : max, sum += x[i], mag += fabs(x[i]);
    for (size_t i = 0; i < n; i++) sq += (x[i] - 0.25) * (x[i] - 0.25), es += exp(x[i] - 1.5);
    double got_es = v->exp_sum(x, y, n, 1.5f);
    int ok = v->max_of(x, n) == (float)max && fabs(v->sum(x, n) - sum) <= 1e-6 * mag &&
             fabs(v->sq_dev(x, n, 0.25f) - sq) <= 1e-6 * sq && fabs(got_es - es) <= 1e-6 * es;
    /* x − shift is rounded to float first (as the kernel does), then exp within 2 ulp. */
  for (size_t i = 0; i < n && ok; i++) ok = fabs(y[i] - exp((double)(x[i] - 1.5f))) <= 2.4e-7 * exp((double)(x[i] - 1.5f));
    x[n / 2] = NAN;
    ok = ok && isnan(v->max_of(x, n));
    if (ok) passed++;
    else fail("%s reductions of %zu elements", v->name, n);
    free(x), free(y);
  }
}

static double softplus_ref(double x) { return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)); }
static double mish_ref(double x) { return x * tanh(softplus_ref(x)); }
/* 0.5·x·(1 + tanh(u)) as x/(1 + e^{−2u}), the same function without 1 + tanh's cancellation in double at x < −10. */
static double gelu_tanh_ref(double x) { return x / (1 + exp(-2 * 0.79788456080286536 * (x + 0.044715 * x * x * x))); }
/* Gelu's exact form through erfc, exact in double where 1 + erf(x/√2) cancels (x ≪ 0). */
static double gelu_erf_ref(double x) { return 0.5 * x * erfc(-x * 0.70710678118654752); }
/* elu's three uses as MapFns: Elu α 1.5, Selu's constants, Celu α −0.7 (divisor α). */
static double elu_ref(double x) { return x > 0 ? x : 1.5 * expm1(x); }
static void elu_map(const float *x, float *y, size_t n) { simd()->elu(x, y, n, 1.5f, 1.0f, 1.0f); }
static double selu_ref(double x) { return 1.05070098 * (x > 0 ? x : 1.67326324 * expm1(x)); }
static void selu_map(const float *x, float *y, size_t n) { simd()->elu(x, y, n, 1.67326324f, 1.05070098f, 1.0f); }
/* x/α rounded to float first, as the kernel (and the scalar expm1f(x/α) before it) does. */
static double celu_ref(double x) { return x > 0 ? x : -0.7f * expm1((float)(x / -0.7f)); }
static void celu_map(const float *x, float *y, size_t n) { simd()->elu(x, y, n, -0.7f, 1.0f, -0.7f); }

static void simd_cases(void) {
  const SimdOps *v = simd();
  math_case("exp", v->exp, exp, -105, 89, 2, 0);
  math_case("exp", v->exp, exp, -1, 1, 2, 0);
  math_case("log", v->log, log, 0, 4, 2, 0);
  math_case("log", v->log, log, 1e-44f, 1e-36f, 2, 0);
  math_case("log", v->log, log, 1, 3e38f, 2, 0);
  math_case("sigmoid", v->sigmoid, sigmoid_ref, -90, 90, 3, 0);
  math_case("tanh", v->tanh, tanh, -12, 12, 2, 0);
  math_case("tanh", v->tanh, tanh, -1e-3f, 1e-3f, 2, 0);
  math_case("erf", v->erf, erf, -6, 6, 2, 5e-7);
  math_case("erf", v->erf, erf, -1e-3f, 1e-3f, 4, 0);
  math_case("expm1", v->expm1, expm1, -20, 89, 2, 0);
  math_case("expm1", v->expm1, expm1, -1e-3f, 1e-3f, 2, 0);
  math_case("softplus", v->softplus, softplus_ref, -100, 100, 3, 0);
  math_case("mish", v->mish, mish_ref, -85, 30, 4, 0); /* below −87 e^x is subnormal (libm's expf too) */
  math_case("gelu_tanh", v->gelu_tanh, gelu_tanh_ref, -3, 12, 16, 0); /* measured 13.1: |2u| ≤ 6.5 amplifies u's rounding */
  /* Below −3 the result is e^{2u}·x with |2u| up to 100: u's own float rounding (½ ulp) is amplified |2u| times
   * (the scalar form lost it all to 1 + tanh(u) = 0 below −5); subnormal results absolute. */
  math_case("gelu_tanh", v->gelu_tanh, gelu_tanh_ref, -12, -3, 300, 1.2e-38);
  /* erf's absolute error times |x|/2 (measured 9.2e-7, 1.2e-6 on the two-rounding C path at x ≈ 4.7, 3.2 ulp):
   * absolute where 1 + erf cancels below x ≈ −3, as onnxruntime's erf-based Gelu and the interp's formula. */
  math_case("gelu_erf", v->gelu_erf, gelu_erf_ref, -12, 12, 4, 1.5e-6);
  math_case("elu", elu_map, elu_ref, -20, 20, 3, 0);
  math_case("selu", selu_map, selu_ref, -20, 20, 3, 0);
  math_case("celu", celu_map, celu_ref, -20, 20, 3, 0);
  reduction_cases();
}

/* Conv cases that conv.c sends to conv-direct.c (printed: the arm64 test checks that NEON takes that path). */
static int direct_convs;

/* A 2-D Conv with bias against a direct loop: N, C, H, W, M, kernel k, stride, pad, dilation, group. */
static void conv_case(int N, int C, int H, int W, int M, int k, int stride, int pad, int dil, int group) {
  int ext = (k - 1) * dil + 1, OH = (H + 2 * pad - ext) / stride + 1, OW = (W + 2 * pad - ext) / stride + 1, cg = C / group;
  const Window win = {{1, H, W}, {1, OH, OW}, {1, k, k}, {1, stride, stride}, {0, pad, pad}, {0, pad, pad}, {1, dil, dil}, N, C, M};
  direct_convs += cg == 1 && M % C == 0 ? conv_direct_depthwise_fits(&win, 2) : conv_direct_fits(&win, group, 2);
  const int64_t xd[4] = {N, C, H, W}, wd[4] = {M, cg, k, k}, bd[1] = {M}, yd[4] = {N, M, OH, OW};
  size_t ny = (size_t)N * M * OH * OW;
  float *x = floats((size_t)N * C * H * W, 1), *w = floats((size_t)M * cg * k * k, 1), *b = floats((size_t)M, 1), *y = floats(ny, NAN);
  Step s = {0};
  tensor(&s, 0, 4, xd, x), tensor(&s, 1, 4, wd, w), tensor(&s, 2, 1, bd, b), tensor(&s, 3, 4, yd, y);
  int64_t m[] = {2, group, k, k, stride, stride, pad, pad, pad, pad, dil, dil};
  memcpy(s.meta, m, sizeof m);
  char what[128];
  snprintf(what, sizeof what, "conv_f32 x[%d,%d,%d,%d] w[%d,%d,%d,%d] stride %d pad %d dilation %d group %d", N, C, H, W, M, cg, k, k, stride, pad, dil, group);
  if (call(&s, what, 3, 12, check_conv, run_conv, 0) == 0) {
    double *want = malloc(sizeof(double) * ny), *tol = malloc(sizeof(double) * ny);
    for (int n = 0; n < N; n++)
      for (int o = 0; o < M; o++)
        for (int i = 0; i < OH; i++)
          for (int j = 0; j < OW; j++) {
            double acc = b[o], mag = fabs(b[o]);
            int g = o / (M / group);
            for (int c = 0; c < cg; c++)
              for (int u = 0; u < k; u++)
                for (int v = 0; v < k; v++) {
                  int r = i * stride - pad + u * dil, q = j * stride - pad + v * dil;
                  if (r < 0 || r >= H || q < 0 || q >= W) continue;
                  double t = (double)x[((n * C + g * cg + c) * H + r) * W + q] * w[((o * cg + c) * k + u) * k + v];
                  acc += t, mag += fabs(t);
                }
            size_t at = (((size_t)n * M + o) * OH + i) * OW + j;
            want[at] = acc, tol[at] = (cg * k * k + 2) * 2.4e-7 * mag + 1e-7;
          }
    verdict(what, y, want, tol, ny);
    free(want), free(tol);
  }
  free(x), free(w), free(b), free(y);
}

/*
 * half.h's block converters (F16C, NEON or C by the ISA) against the scalar half_to_float / float_to_half: every
 * float16, and floats of random bits, near and exactly on float16 rounding ties, and around float16's range
 * (subnormals, overflow), NaNs kept or made the positive quiet one (js_nan), all bit for bit.
 */
static void half_cases(void) {
  enum { N = 1 << 18 };
  uint16_t *h = malloc(65536 * sizeof *h), *got = malloc(N * sizeof *got);
  float *f = malloc((N > 65536 ? N : 65536) * sizeof *f);
  long bad = 0;
  for (int i = 0; i < 65536; i++) h[i] = (uint16_t)i;
  halves_to_floats(h, f, 65536);
  for (int i = 0; i < 65536; i++) {
    float r = half_to_float(h[i]);
    if (memcmp(&r, &f[i], 4) && bad++ < 3) printf("half %04x decodes to %a, not %a\n", i, (double)f[i], (double)r);
  }
  for (int pattern = 0; pattern < 4; pattern++) {
    for (int i = 0; i < N; i++) {
      rng = rng * 6364136223846793005ull + 1442695040888963407ull;
      uint32_t u = (uint32_t)(rng >> 32);
      float near = half_to_float((uint16_t)(u >> 16));
      uint32_t nb;
      memcpy(&nb, &near, 4);
      if (pattern == 1) u = nb + (u & 0x1fffu) - 0x1000u; /* within half a float16 step of one */
      if (pattern == 2) u = (nb & ~0x1fffu) | 0x1000u;    /* exactly halfway between two */
      if (pattern == 3) u = (u & 0x807fffffu) | ((uint32_t)(100 + (u >> 23) % 40) << 23);
      memcpy(&f[i], &u, 4);
    }
    for (int js_nan = 0; js_nan < 2; js_nan++) {
      floats_to_halves(f, got, N, js_nan);
      for (int i = 0; i < N; i++) {
        uint16_t want = js_nan && f[i] != f[i] ? 0x7e00 : float_to_half(f[i]);
        if (got[i] != want && bad++ < 3) printf("float %a encodes to %04x, not %04x\n", (double)f[i], got[i], want);
      }
    }
  }
  if (bad) fail("half block conversions: %ld differ from the scalar ones", bad);
  else passed++;
  free(h), free(got), free(f);
}

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
  /* Heights around every micro-tile (4, 6, 8, 14 rows) and widths around every panel (8, 12, 16, 32 columns). */
  static const int Ms[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 28, 29, 64};
  static const int Ns[] = {1, 7, 8, 9, 11, 12, 13, 16, 17, 24, 25, 31, 32, 33, 100};
  static const int Ks[] = {1, 2, 17, 64, 129};
  int v = 0;
  for (size_t i = 0; i < sizeof Ms / sizeof *Ms; i++)
    for (size_t j = 0; j < sizeof Ns / sizeof *Ns; j++) sgemm_case(Ms[i], Ns[j], Ks[(i + j) % 5], v++ % 12, ws);
  /* Past the cache blocks: K > KC (384), M > MC (168), N > NC (3072). */
  sgemm_case(200, 70, 800, 0, ws), sgemm_case(170, 45, 390, 7, ws), sgemm_case(3, 3100, 20, 2, ws), sgemm_case(9, 3090, 9, 5, ws);
  sgemm_case(0, 5, 3, 0, ws), sgemm_case(4, 5, 0, 1, ws); /* empty products: C = beta·C */
  for (int i = 0; i < 6; i++) sgemm_prepacked_case(1 + i * 5, 3 + i * 13, 1 + i * 30, ws);
  /* One row (gemv_panels): odd panel counts, partial last panels, odd and even K, N past the thread split. */
  static const int Ns1[] = {1, 7, 12, 13, 31, 32, 33, 64, 65, 100, 129, 700};
  static const int Ks1[] = {1, 2, 3, 17, 64, 129, 400};
  for (size_t j = 0; j < sizeof Ns1 / sizeof *Ns1; j++)
    for (size_t p = 0; p < sizeof Ks1 / sizeof *Ks1; p += 1 + j % 2) sgemm_prepacked_case(1, Ns1[j], Ks1[p], ws);
  for (int i = 1; i <= 3; i++) gemm_rows_case(i, 5 + 20 * i, 3 + 40 * i);
  gemm_rows_case(1, 16 * 8 + 16 * 4 + 16 + 7, 37), gemm_rows_case(2, 300, 9); /* every column block of the widest ISA */
  half_cases();
  binary_cases();
  unary_cases();
  softmax_case();
  simd_cases();
  conv_case(2, 3, 9, 11, 4, 3, 1, 1, 1, 1);
  conv_case(1, 8, 7, 7, 16, 1, 1, 0, 1, 1);  /* pointwise: X is the GEMM's B */
  conv_case(1, 4, 10, 9, 6, 3, 2, 1, 2, 2);  /* strided, dilated, grouped */
  conv_case(2, 5, 8, 8, 5, 3, 1, 1, 1, 5);   /* depthwise */
  conv_case(1, 16, 12, 12, 40, 3, 1, 1, 1, 1); /* several sgemm tiles */
  /* At most 8 positions (conv-dot.c): K with a tail on every width, filters past the blocks of 4 and 2, 1 block of 4
   * or 5 positions or 4 + 2, padding and dilation. */
  conv_case(2, 33, 4, 4, 13, 3, 1, 0, 1, 1), conv_case(1, 11, 3, 7, 10, 3, 1, 0, 1, 1);
  conv_case(1, 20, 4, 5, 9, 3, 1, 0, 1, 1), conv_case(1, 7, 6, 6, 6, 3, 2, 1, 2, 1);
  /* conv-direct.c's tiles (8 filters × 12 columns on NEON, 4 × 24 on AVX2, 8 × 48 on AVX-512): filters past a
   * block, odd widths (a row's last tile partly past it), strides 2 (phases), dilation, groups, several bands. */
  conv_case(1, 12, 13, 17, 20, 3, 1, 1, 1, 1), conv_case(2, 6, 15, 13, 10, 3, 2, 1, 1, 1);
  conv_case(1, 6, 11, 9, 7, 3, 1, 2, 2, 1), conv_case(2, 8, 9, 7, 12, 3, 2, 1, 1, 4);
  conv_case(1, 24, 40, 37, 9, 3, 1, 1, 1, 1), conv_case(1, 5, 12, 10, 3, 5, 1, 2, 1, 1);
  /* Depthwise 5×5 (stride 1 and 2), 3×3 stride 2, a channel multiplier of 2. */
  conv_case(1, 7, 13, 11, 7, 5, 1, 2, 1, 7), conv_case(2, 6, 21, 19, 6, 5, 2, 2, 1, 6);
  conv_case(1, 9, 17, 15, 9, 3, 2, 1, 1, 9), conv_case(1, 4, 10, 11, 8, 3, 1, 1, 1, 4);
  printf("direct convs: %d\n", direct_convs);
  free(ws);
  cpu_pool_set(NULL);
  pool_destroy(pool);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
