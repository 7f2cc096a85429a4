/*
 * The vector kernels of simd.h, written once with GCC/Clang vector extensions and compiled per ISA: the
 * including file sets the target (a pragma), VN (lanes), SIMD_TABLE (the table's name), SIMD_NAME, SGEMM_NR
 * (the width of sgemm's B panels on this ISA: its micro-kernel's NR), and
 * V_FMA(a, b, c) = a·b + c as the ISA's fused instruction (or two roundings in the C build). Plain loops
 * here are vectorized by the compiler at the target's width (the file is built at -O3).
 *
 * The approximations: exp and log are Cephes' expf/logf polynomials (range reduction by ln 2 split in two
 * parts), tanh Cephes' tanhf (an odd polynomial below 0.625, else 1 − 2/(e^{2|x|} + 1)), erf the rational
 * approximation Eigen uses (clamped to ±4, where erf rounds to ±1), sigmoid 1/(1 + e^{−x}) split by sign.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "simd.h"

typedef float V __attribute__((vector_size(VN * 4)));
typedef int32_t VI __attribute__((vector_size(VN * 4)));

#define S(c) ((V){0} + (float)(c))
#define SI(c) ((VI){0} + (int32_t)(c))

static inline V ld(const float *p) {
  V v;
  memcpy(&v, p, sizeof v);
  return v;
}
static inline void st(float *p, V v) { memcpy(p, &v, sizeof v); }
/* m (all ones or zero per lane) ? a : b */
static inline V sel(VI m, V a, V b) { return (V)((m & (VI)a) | (~m & (VI)b)); }
static inline V vmax(V a, V b) { return sel(a > b, a, b); }
static inline V vmin(V a, V b) { return sel(a < b, a, b); }
static inline V vabs(V a) { return (V)((VI)a & SI(0x7fffffff)); }
/* Nearest integer (ties to even) for |x| < 2²² by the 1.5·2²³ shift. */
static inline V vround(V x) { return (x + S(12582912.0f)) - S(12582912.0f); }
/* 2^n for n in [-126, 127]. */
static inline V pow2i(VI n) { return (V)((n + SI(127)) << 23); }

/*
 * The shared core of vexp and vexpm1: t = n·ln2 + r with |r| ≤ ln2/2 (ln2 in two parts, so r is exact), and
 * the polynomial p with e^r = 1 + r + r²·p(r).
 */
static inline V exp_reduce(V t, V *n, V *r) {
  *n = vround(t * S(1.44269504088896341f));
  *r = V_FMA(*n, S(-0.693359375f), t);
  *r = V_FMA(*n, S(2.12194440e-4f), *r);
  V p = S(1.9875691500e-4f);
  p = V_FMA(p, *r, S(1.3981999507e-3f));
  p = V_FMA(p, *r, S(8.3334519073e-3f));
  p = V_FMA(p, *r, S(4.1665795894e-2f));
  p = V_FMA(p, *r, S(1.6666665459e-1f));
  return V_FMA(p, *r, S(5.0000001201e-1f));
}

static inline V vexp(V x) {
  V t = vmin(vmax(x, S(-104.0f)), S(88.8f)), n, r;
  V p = exp_reduce(t, &n, &r);
  p = V_FMA(p, r * r, r + S(1.0f));
  /* 2^n in two factors, so n from −150 (subnormal results) to 128 (overflow to inf) stays exact. */
  VI ni = __builtin_convertvector(n, VI), n1 = ni >> 1;
  V y = p * pow2i(n1) * pow2i(ni - n1);
  return sel(x != x, x, y);
}

static inline V vlog(V x) {
  VI sub = x < S(1.17549435e-38f); /* subnormal (or ≤ 0, fixed below): scale into the normal range */
  V xs = sel(sub, x * S(8388608.0f), x);
  VI bits = (VI)xs;
  VI e = ((bits >> 23) & SI(0xff)) - SI(126) - (sub & SI(23));
  V m = (V)((bits & SI(0x007fffff)) | SI(0x3f000000)); /* in [0.5, 1) */
  VI small = m < S(0.707106781186547524f);
  V ef = __builtin_convertvector(e + small, V); /* small is −1 where true */
  V f = sel(small, m + m, m) - S(1.0f);
  V z = f * f;
  V p = S(7.0376836292e-2f);
  p = V_FMA(p, f, S(-1.1514610310e-1f));
  p = V_FMA(p, f, S(1.1676998740e-1f));
  p = V_FMA(p, f, S(-1.2420140846e-1f));
  p = V_FMA(p, f, S(1.4249322787e-1f));
  p = V_FMA(p, f, S(-1.6668057665e-1f));
  p = V_FMA(p, f, S(2.0000714765e-1f));
  p = V_FMA(p, f, S(-2.4999993993e-1f));
  p = V_FMA(p, f, S(3.3333331174e-1f));
  V y = p * f * z;
  y = V_FMA(ef, S(-2.12194440e-4f), y);
  y = V_FMA(z, S(-0.5f), y);
  y = V_FMA(ef, S(0.693359375f), f + y);
  y = sel(x == S(0.0f), S(-INFINITY), y);
  y = sel(x < S(0.0f), S(NAN), y);
  y = sel(x == S(INFINITY), x, y);
  return sel(x != x, x, y);
}

static inline V vsigmoid(V x) {
  V e = vexp(-vabs(x)), d = S(1.0f) + e;
  return sel(x >= S(0.0f), S(1.0f) / d, e / d);
}

static inline V vtanh(V x) {
  V a = vmin(vabs(x), S(10.0f)); /* tanh(10) rounds to 1 */
  V big = S(1.0f) - S(2.0f) / (vexp(a + a) + S(1.0f));
  big = (V)(((VI)big) | ((VI)x & SI((int32_t)0x80000000u))); /* the sign of x */
  V z = x * x, p = S(-5.70498872745e-3f);
  p = V_FMA(p, z, S(2.06390887954e-2f));
  p = V_FMA(p, z, S(-5.37397155531e-2f));
  p = V_FMA(p, z, S(1.33314422036e-1f));
  p = V_FMA(p, z, S(-3.33332819422e-1f));
  V small = V_FMA(p * z, x, x);
  return sel(a < S(0.625f), small, sel(x != x, x, big));
}

static inline V verf(V x) {
  V c = vmin(vmax(x, S(-4.0f)), S(4.0f)), z = c * c;
  V p = S(-2.72614225801306e-10f);
  p = V_FMA(p, z, S(2.77068142495902e-08f));
  p = V_FMA(p, z, S(-2.10102402082508e-06f));
  p = V_FMA(p, z, S(-5.69250639462346e-05f));
  p = V_FMA(p, z, S(-7.34990630326855e-04f));
  p = V_FMA(p, z, S(-2.95459980854025e-03f));
  p = V_FMA(p, z, S(-1.60960333262415e-02f));
  V q = S(-1.45660718464996e-05f);
  q = V_FMA(q, z, S(-2.13374055278905e-04f));
  q = V_FMA(q, z, S(-1.68282697438203e-03f));
  q = V_FMA(q, z, S(-7.37332916720468e-03f));
  q = V_FMA(q, z, S(-1.42647390514189e-02f));
  return sel(x != x, x, c * p / q);
}

/*
 * e^x − 1 as 2^n·q + (2^n − 1), q = e^r − 1 = r + r²·p(r) from exp's reduction: no 1 + … − 1 cancellation,
 * so near 0 (n = 0) it is r + r²·p itself (as expm1f), and beside it the two terms do not cancel.
 * Above 80, e^x − 1 rounds to e^x (and 2^n could overflow in one factor); ±0 returned as given.
 */
static inline V vexpm1(V x) {
  V t = vmin(vmax(x, S(-30.0f)), S(80.0f)), n, r; /* expm1 rounds to −1 below −17 */
  V p = exp_reduce(t, &n, &r); /* its own statement: r is set by it (argument order is unspecified) */
  V q = V_FMA(p, r * r, r);
  V e = pow2i(__builtin_convertvector(n, VI));
  V y = V_FMA(e, q, e - S(1.0f));
  y = sel(x > S(80.0f), vexp(x), y);
  return sel(x == S(0.0f), x, sel(x != x, x, y));
}

/* log(1 + e) for e ≥ 0 by u = 1 + e, log(u)·e/(u − 1): the division restores what rounding u lost. */
static inline V vlog1p_pos(V e) {
  V u = S(1.0f) + e;
  return sel(u == S(1.0f), e, vlog(u) * (e / (u - S(1.0f))));
}

/* softplus(x) = log(1 + e^x), split by sign so that e^x never overflows: max(x, 0) + log1p(e^{−|x|}). */
static inline V vsoftplus(V x) {
  V y = vmax(x, S(0.0f)) + vlog1p_pos(vexp(-vabs(x)));
  return sel(x != x, x, sel(x == S(INFINITY), x, y));
}

/* x·tanh(softplus(x)) = x·n/(n + 2), n = e^x·(e^x + 2): exact algebra, no cancellation at either end. */
static inline V vmish(V x) {
  V e = vexp(vmin(x, S(20.0f))), n = e * (e + S(2.0f)); /* beyond 20, n/(n + 2) rounds to 1 */
  return sel(x != x, x, x * (n / (n + S(2.0f))));
}

/* Gelu's tanh form 0.5·x·(1 + tanh(u)) = x·sigmoid(2u), u = √(2/π)·(x + 0.044715·x³): no 1 + tanh cancellation. */
static inline V vgelu_tanh(V x) {
  V u = S(0.79788456080286536f) * V_FMA(S(0.044715f) * x, x * x, x);
  return x * vsigmoid(u + u);
}

/* Gelu's exact form 0.5·x·(1 + erf(x/√2)): erf's absolute error (≤ 3e-7) times |x|/2, so absolute, not
 * relative, where erf nears −1 (x < −3); −inf gives NaN (−inf · 0), as the interp's formula does. */
static inline V vgelu_erf(V x) {
  V h = S(0.5f) * x;
  return V_FMA(h, verf(x * S(0.70710678118654752f)), h);
}

/* √ per lane (the compiler's sqrt instruction; the inputs here are ≥ 0 or NaN). */
static inline V vsqrt_(V x) {
  V y = x;
  for (int i = 0; i < VN; i++) y[i] = __builtin_sqrtf(x[i]);
  return y;
}
#include "simd-trig.h"

/* Floor, ceil: the nearest integer corrected by one; |x| ≥ 2²² (already an integer), ±inf and NaN as given;
 * a zero result takes x's sign (floor(−0) = −0, ceil(−0.5) = −0, as Math.floor/ceil). */
static inline V vfloor(V x) {
  V r = vround(x);
  r = r - sel(r > x, S(1.0f), S(0.0f));
  r = (V)((VI)r | ((VI)x & SI((int32_t)0x80000000u)));
  return sel(vabs(x) < S(4194304.0f), r, x);
}
static inline V vceil(V x) {
  V r = vround(x);
  r = r + sel(r < x, S(1.0f), S(0.0f));
  r = (V)((VI)r | ((VI)x & SI((int32_t)0x80000000u)));
  return sel(vabs(x) < S(4194304.0f), r, x);
}
/* Round: halves to even (the shift trick rounds in the FPU's default mode, ties to even); ±0 as given. */
static inline V vround_even(V x) { return sel((vabs(x) < S(4194304.0f)) & (x != S(0.0f)), vround(x), x); }
/* Sign: ±1, ±0 and NaN as given. */
static inline V vsign(V x) { return sel(x > S(0.0f), S(1.0f), sel(x < S(0.0f), S(-1.0f), x)); }
static inline V vsoftsign(V x) { return x / (S(1.0f) + vabs(x)); }
static inline V vreciprocal(V x) { return S(1.0f) / x; }

static inline V vrelu(V x) { return sel(x < S(0.0f), S(0.0f), x); }
/* x · HardSigmoid(x), alpha 1/6, beta 0.5 */
static inline V vhard_swish(V x) {
  V h = x / S(6.0f) + S(0.5f);
  return x * sel(h < S(0.0f), S(0.0f), sel(h > S(1.0f), S(1.0f), h));
}

/* A whole-vector map over any n: the tail runs through the same code on a zero-padded copy. */
#define MAP(NAME, F)                                                                                          \
  static void NAME(const float *x, float *y, size_t n) {                                                      \
    size_t i = 0;                                                                                             \
    for (; i + VN <= n; i += VN) st(y + i, F(ld(x + i)));                                                     \
    if (i < n) {                                                                                              \
      float buf[VN] = {0};                                                                                    \
      memcpy(buf, x + i, (n - i) * sizeof(float));                                                            \
      st(buf, F(ld(buf)));                                                                                    \
      memcpy(y + i, buf, (n - i) * sizeof(float));                                                            \
    }                                                                                                         \
  }
MAP(map_exp, vexp)
MAP(map_log, vlog)
MAP(map_sigmoid, vsigmoid)
MAP(map_tanh, vtanh)
MAP(map_erf, verf)
MAP(map_relu, vrelu)
MAP(map_hard_swish, vhard_swish)
MAP(map_expm1, vexpm1)
MAP(map_softplus, vsoftplus)
MAP(map_mish, vmish)
MAP(map_gelu_tanh, vgelu_tanh)
MAP(map_gelu_erf, vgelu_erf)
#undef MAP

/* gamma·(x > 0 ? x : alpha·expm1(x/d)): Elu (gamma 1, d 1), Selu (d 1), Celu (gamma 1, d alpha; a division, as
 * x·(1/alpha) would carry 1/alpha's rounding into exp's argument, 20 ulp at x/alpha ≈ 28). */
static void elu(const float *x, float *y, size_t n, float alpha, float gamma, float d) {
  const V a = S(alpha), g = S(gamma), k = S(d);
  size_t i = 0;
  for (; i + VN <= n; i += VN) {
    V v = ld(x + i);
    st(y + i, g * sel(v > S(0.0f), v, a * vexpm1(v / k)));
  }
  if (i < n) {
    float buf[VN] = {0};
    memcpy(buf, x + i, (n - i) * sizeof(float));
    V v = ld(buf);
    st(buf, g * sel(v > S(0.0f), v, a * vexpm1(v / k)));
    memcpy(y + i, buf, (n - i) * sizeof(float));
  }
}

/* Plain loops: the compiler vectorizes them at this file's target. */
static void map_sqrt(const float *x, float *y, size_t n) {
  for (size_t i = 0; i < n; i++) y[i] = sqrtf(x[i]);
}
static void map_neg(const float *x, float *y, size_t n) {
  for (size_t i = 0; i < n; i++) y[i] = -x[i];
}
static void map_abs(const float *x, float *y, size_t n) {
  for (size_t i = 0; i < n; i++) y[i] = fabsf(x[i]);
}
static void leaky_relu(const float *x, float *y, size_t n, float alpha) {
  for (size_t i = 0; i < n; i++) y[i] = x[i] < 0.0f ? alpha * x[i] : x[i];
}
static void clip(const float *x, float *y, size_t n, float lo, float hi) {
  /* min(max(x, lo), hi) with NaN kept: when lo > hi every value becomes hi, as the spec says. */
  for (size_t i = 0; i < n; i++) {
    float v = x[i] < lo ? lo : x[i];
    y[i] = v > hi ? hi : v;
  }
}
static void affine(const float *x, float *y, size_t n, float m, float k, float b) {
  for (size_t i = 0; i < n; i++) y[i] = (x[i] - m) * k + b;
}
static void scale(const float *x, float *y, size_t n, float s) {
  for (size_t i = 0; i < n; i++) y[i] = x[i] * s;
}
static void norm(const float *x, float *y, size_t n, float mean, float inv, const float *sc, const float *bias) {
  if (bias) for (size_t i = 0; i < n; i++) y[i] = (x[i] - mean) * inv * sc[i] + bias[i];
  else for (size_t i = 0; i < n; i++) y[i] = (x[i] - mean) * inv * sc[i];
}

/* Broadcasting rows: contiguous, one side a scalar, or strided (the layouts binary kernels meet). */
#define ROW(NAME, F)                                                                                          \
  static void NAME(const float *a, ptrdiff_t ia, const float *b, ptrdiff_t ib, float *y, size_t n) {         \
    if (ia == 1 && ib == 1) for (size_t j = 0; j < n; j++) y[j] = F(a[j], b[j]);                              \
    else if (ia == 1 && ib == 0) { float bv = b[0]; for (size_t j = 0; j < n; j++) y[j] = F(a[j], bv); }      \
    else if (ia == 0 && ib == 1) { float av = a[0]; for (size_t j = 0; j < n; j++) y[j] = F(av, b[j]); }      \
    else for (size_t j = 0; j < n; j++) y[j] = F(a[(ptrdiff_t)j * ia], b[(ptrdiff_t)j * ib]);                 \
  }
#define ADD_OF(x, z) ((x) + (z))
#define SUB_OF(x, z) ((x) - (z))
#define MUL_OF(x, z) ((x) * (z))
#define DIV_OF(x, z) ((x) / (z))
/* Max/Min propagate NaN (a NaN on either side gives NaN), as the interp's Math.max/Math.min do. */
#define MAX_OF(x, z) ((x) > (z) || (x) != (x) ? (x) : (z))
#define MIN_OF(x, z) ((x) < (z) || (x) != (x) ? (x) : (z))
ROW(row_add, ADD_OF)
ROW(row_sub, SUB_OF)
ROW(row_mul, MUL_OF)
ROW(row_div, DIV_OF)
ROW(row_max, MAX_OF)
ROW(row_min, MIN_OF)
ROW(row_powf, powf)
/* PRelu: x < 0 ? x·slope : x (NaN kept), slope broadcast as b. */
#define PRELU_OF(x, z) ((x) < 0.0f ? (x) * (z) : (x))
ROW(row_prelu, PRELU_OF)
#undef ROW

/* Comparisons to bool bytes in the row layouts of ROW above, per operand type: plain loops the compiler
 * vectorizes at this file's target (a float/int compare narrowed to bytes). NaN compares false. */
#define CMP_ROW(T, OPR)                                                                                       \
  {                                                                                                           \
    const T *x = a, *z = b;                                                                                   \
    if (ia == 1 && ib == 1) for (size_t j = 0; j < n; j++) y[j] = x[j] OPR z[j];                              \
    else if (ia == 1 && ib == 0) { T zv = z[0]; for (size_t j = 0; j < n; j++) y[j] = x[j] OPR zv; }          \
    else if (ia == 0 && ib == 1) { T xv = x[0]; for (size_t j = 0; j < n; j++) y[j] = xv OPR z[j]; }          \
    else for (size_t j = 0; j < n; j++) y[j] = x[(ptrdiff_t)j * ia] OPR z[(ptrdiff_t)j * ib];                 \
  }
#define CMP_OPS(T)                                                                                            \
  switch (op) {                                                                                               \
    case CMP_EQ: CMP_ROW(T, ==) break;                                                                        \
    case CMP_LT: CMP_ROW(T, <) break;                                                                         \
    case CMP_LE: CMP_ROW(T, <=) break;                                                                        \
    case CMP_GT: CMP_ROW(T, >) break;                                                                         \
    default: CMP_ROW(T, >=) break;                                                                            \
  }
static void compare(int op, int type, const void *a, ptrdiff_t ia, const void *b, ptrdiff_t ib, uint8_t *y, size_t n) {
  switch (type) {
    case CMP_F32: CMP_OPS(float) break;
    case CMP_I32: CMP_OPS(int32_t) break;
    default: CMP_OPS(int64_t) break;
  }
}
#undef CMP_OPS
#undef CMP_ROW

/* y[j] = exp(x[j] − m[j]), s[j] += y[j] (in double): Softmax's middle pass over one row of a strided group. */
static void exp_sub_acc(const float *x, const float *m, float *y, double *s, size_t n) {
  size_t i = 0;
  for (; i + VN <= n; i += VN) st(y + i, vexp(ld(x + i) - ld(m + i)));
  if (i < n) {
    float bx[VN] = {0}, bm[VN] = {0};
    memcpy(bx, x + i, (n - i) * sizeof(float));
    memcpy(bm, m + i, (n - i) * sizeof(float));
    st(bx, vexp(ld(bx) - ld(bm)));
    memcpy(y + i, bx, (n - i) * sizeof(float));
  }
  for (size_t j = 0; j < n; j++) s[j] += y[j];
}

/* Pow: the exponents models use as exact products or a square root; any other through libm's powf. */
static void row_pow(const float *a, ptrdiff_t ia, const float *b, ptrdiff_t ib, float *y, size_t n) {
  float e = b[0];
  if (ia == 1 && ib == 0 && (e == 1.0f || e == 2.0f || e == 3.0f || e == 0.5f)) {
    if (e == 1.0f) for (size_t j = 0; j < n; j++) y[j] = a[j];
    else if (e == 2.0f) for (size_t j = 0; j < n; j++) y[j] = a[j] * a[j];
    else if (e == 3.0f) for (size_t j = 0; j < n; j++) y[j] = a[j] * a[j] * a[j];
    /* pow(−0, ½) = +0 and pow(−inf, ½) = +inf where sqrt gives −0 and NaN. */
    else for (size_t j = 0; j < n; j++) y[j] = a[j] == -INFINITY ? INFINITY : sqrtf(a[j]) + 0.0f;
    return;
  }
  row_powf(a, ia, b, ib, y, n);
}

/* Reductions: VN lanes of float partial sums per block of 256 elements, blocks summed in double. */
#define BLOCK 256
static double hsum(V v) {
  float l[VN];
  st(l, v);
  double s = 0;
  for (int i = 0; i < VN; i++) s += l[i];
  return s;
}

static float max_of(const float *x, size_t n) {
  V m = S(-INFINITY);
  VI nan = SI(0);
  size_t i = 0;
  for (; i + VN <= n; i += VN) {
    V v = ld(x + i);
    nan |= v != v;
    m = vmax(m, v);
  }
  float l[VN], r = -INFINITY;
  st(l, m);
  for (int k = 0; k < VN; k++) r = l[k] > r ? l[k] : r;
  for (int k = 0; k < VN; k++) if (nan[k]) return NAN;
  for (; i < n; i++) {
    if (x[i] != x[i]) return NAN;
    r = x[i] > r ? x[i] : r;
  }
  return r;
}

/* exp(v − shift) stored at y[at …] (only the lanes below n: the tail is a padded copy). */
static inline V exp_store(V v, V shift, float *y, size_t at, size_t n) {
  V e = vexp(v - shift);
  if (at + VN <= n) st(y + at, e);
  else {
    float buf[VN];
    st(buf, e);
    memcpy(y + at, buf, (n - at) * sizeof(float));
  }
  return e;
}

/* F(v) per vector, summed: float lanes within a block of BLOCK elements, blocks in double. */
#define BLOCKED_SUM(F)                                                                                        \
  double total = 0;                                                                                           \
  size_t i = 0;                                                                                               \
  while (i + VN <= n) {                                                                                       \
    V acc = S(0.0f);                                                                                          \
    for (size_t end = i + BLOCK < n ? i + BLOCK : n; i + VN <= end; i += VN) acc += F(ld(x + i), i);          \
    total += hsum(acc);                                                                                       \
  }                                                                                                           \
  if (i < n) {                                                                                                \
    float buf[VN] = {0};                                                                                      \
    memcpy(buf, x + i, (n - i) * sizeof(float));                                                              \
    V v = F(ld(buf), i);                                                                                      \
    st(buf, v);                                                                                               \
    for (size_t k = 0; k < n - i; k++) total += buf[k];                                                       \
  }                                                                                                           \
  return total;

static double exp_sum(const float *x, float *y, size_t n, float shift) {
  const V sh = S(shift);
#define EXP_STORE(v, at) exp_store(v, sh, y, at, n)
  BLOCKED_SUM(EXP_STORE)
#undef EXP_STORE
}

/* (v − mean)² (BLOCKED_SUM sums only the lanes below n of the padded tail). */
static inline V sq_dev_of(V v, V mean) {
  V d = v - mean;
  return d * d;
}

#define IDENTITY(v, at) (v)
static double sum(const float *x, size_t n) { BLOCKED_SUM(IDENTITY) }

static double sq_dev(const float *x, size_t n, float mean) {
  const V m = S(mean);
#define SQ_DEV(v, at) sq_dev_of(v, m)
  BLOCKED_SUM(SQ_DEV)
#undef SQ_DEV
}

/*
 * y[0:n] += alpha · Σ_p a[p·csa] · B[p·rsb + 0:n]: columns in blocks of W vectors whose sums stay in registers
 * over all of k (B read once, y written once), W = 8 then 4 then 1 (8 independent sums hide the FMA latency),
 * then the last < VN columns one by one.
 */
#define GEMV_BLOCK(W)                                                                                         \
  for (; j + W * VN <= n; j += W * VN) {                                                                      \
    V acc[W];                                                                                                 \
    for (int w = 0; w < W; w++) acc[w] = S(0.0f);                                                             \
    for (ptrdiff_t p = 0; p < k; p++) {                                                                       \
      const V av = S(alpha * a[p * csa]);                                                                     \
      const float *bp = B + p * rsb + j;                                                                      \
      for (int w = 0; w < W; w++) acc[w] = V_FMA(av, ld(bp + w * VN), acc[w]);                                \
    }                                                                                                         \
    for (int w = 0; w < W; w++) st(y + j + w * VN, ld(y + j + w * VN) + acc[w]);                              \
  }
static void gemv(ptrdiff_t k, float alpha, const float *a, ptrdiff_t csa, const float *B, ptrdiff_t rsb, float *y, size_t n) {
  size_t j = 0;
  GEMV_BLOCK(8)
  GEMV_BLOCK(4)
  GEMV_BLOCK(1)
  for (; j < n; j++) {
    float acc = 0.0f;
    for (ptrdiff_t p = 0; p < k; p++) acc += alpha * a[p * csa] * B[p * rsb + (ptrdiff_t)j];
    y[j] += acc;
  }
}
#undef GEMV_BLOCK

/*
 * sgemm's one-panel path: C[0:m, 0:n] += alpha · A[0:m, 0:k] · b, A read in place (row stride rsa, unit
 * column stride), b one packed panel of k rows × SGEMM_NR floats (sgemm's NR for this ISA), n ≤ SGEMM_NR.
 * Four rows at a time, their sums in registers over all of k: no packing of A, which for a narrow B (a conv
 * with few output positions) cost as much as the product.
 */
#define NRV (SGEMM_NR / VN)
static void panel_rows(ptrdiff_t k, float alpha, const float *A, ptrdiff_t rsa, const float *b, float *C, ptrdiff_t ldc,
                       ptrdiff_t m, int n) {
  for (ptrdiff_t i0 = 0; i0 < m; i0 += 4) {
    const int rows = m - i0 < 4 ? (int)(m - i0) : 4;
    const float *a[4];
    for (int r = 0; r < 4; r++) a[r] = A + (i0 + (r < rows ? r : 0)) * rsa; /* past m: row i0 again, not stored */
    V acc[4][NRV];
    for (int r = 0; r < 4; r++)
      for (int v = 0; v < NRV; v++) acc[r][v] = S(0.0f);
    const float *bp = b;
    for (ptrdiff_t p = 0; p < k; p++, bp += SGEMM_NR) {
      V bv[NRV];
      for (int v = 0; v < NRV; v++) bv[v] = ld(bp + v * VN);
      for (int r = 0; r < 4; r++) {
        const V av = S(a[r][p]);
        for (int v = 0; v < NRV; v++) acc[r][v] = V_FMA(av, bv[v], acc[r][v]);
      }
    }
    for (int r = 0; r < rows; r++) {
      float out[SGEMM_NR], *c = C + (i0 + r) * ldc;
      for (int v = 0; v < NRV; v++) st(out + v * VN, acc[r][v]);
      for (int j = 0; j < n; j++) c[j] += alpha * out[j];
    }
  }
}
#undef NRV

/* The maps of UnaryExtOp (simd.h): p, q are ThresholdedRelu's alpha, Shrink's bias and lambd. */
#define EXT_LOOP(EXPR)                                                                                        \
  do {                                                                                                        \
    size_t i = 0;                                                                                             \
    for (; i + VN <= n; i += VN) { V v = ld(x + i); st(y + i, EXPR); }                                        \
    if (i < n) {                                                                                              \
      float buf[VN] = {0};                                                                                    \
      memcpy(buf, x + i, (n - i) * sizeof(float));                                                            \
      V v = ld(buf);                                                                                          \
      st(buf, EXPR);                                                                                          \
      memcpy(y + i, buf, (n - i) * sizeof(float));                                                            \
    }                                                                                                         \
  } while (0)
static void map_ext(int op, const float *x, float *y, size_t n, float p, float q) {
  const V vp = S(p), vq = S(q);
  switch (op) {
    case UX_SIN: EXT_LOOP(vsin(v)); break;
    case UX_COS: EXT_LOOP(vcos(v)); break;
    case UX_TAN: EXT_LOOP(vtan(v)); break;
    case UX_ASIN: EXT_LOOP(vasin(v)); break;
    case UX_ACOS: EXT_LOOP(vacos(v)); break;
    case UX_ATAN: EXT_LOOP(vatan(v)); break;
    case UX_SINH: EXT_LOOP(vsinh(v)); break;
    case UX_COSH: EXT_LOOP(vcosh(v)); break;
    case UX_ASINH: EXT_LOOP(vasinh(v)); break;
    case UX_ACOSH: EXT_LOOP(vacosh(v)); break;
    case UX_ATANH: EXT_LOOP(vatanh(v)); break;
    case UX_CEIL: EXT_LOOP(vceil(v)); break;
    case UX_FLOOR: EXT_LOOP(vfloor(v)); break;
    case UX_ROUND: EXT_LOOP(vround_even(v)); break;
    case UX_RECIPROCAL: EXT_LOOP(vreciprocal(v)); break;
    case UX_SIGN: EXT_LOOP(vsign(v)); break;
    case UX_SOFTSIGN: EXT_LOOP(vsoftsign(v)); break;
    /* x > alpha ? x : 0 (NaN gives 0, as the interp's comparison). */
    case UX_THRESHOLDED_RELU: EXT_LOOP(sel(v > vp, v, S(0.0f))); break;
    /* x < −lambd ? x + bias : x > lambd ? x − bias : 0. */
    default: EXT_LOOP(sel(v < -vq, v + vp, sel(v > vq, v - vp, S(0.0f)))); break;
  }
}
#undef EXT_LOOP

const SimdOps SIMD_TABLE = {
    .name = SIMD_NAME,
    .exp = map_exp, .log = map_log, .sigmoid = map_sigmoid, .tanh = map_tanh, .erf = map_erf,
    .relu = map_relu, .hard_swish = map_hard_swish, .expm1 = map_expm1, .softplus = map_softplus,
    .mish = map_mish, .gelu_tanh = map_gelu_tanh, .gelu_erf = map_gelu_erf, .elu = elu, .sqrt = map_sqrt, .neg = map_neg, .abs = map_abs,
    .add = row_add, .sub = row_sub, .mul = row_mul, .div = row_div, .max = row_max, .min = row_min, .pow = row_pow,
    .leaky_relu = leaky_relu, .clip = clip, .affine = affine, .max_of = max_of, .exp_sum = exp_sum,
    .sum = sum, .sq_dev = sq_dev, .exp_sub_acc = exp_sub_acc, .compare = compare, .scale = scale, .norm = norm, .gemv = gemv, .panel_rows = panel_rows,
    .map_ext = map_ext, .prelu = row_prelu,
};
