/*
 * The vector kernels' bodies, compiled once per ISA (simd-avx512.c, simd-avx2.c, simd-neon.c, simd-c.c from
 * the one source simd-body.h) and picked once through isa.h: kernels call simd()->exp(…) and so on, never
 * an intrinsic. Every function handles any n (the tail goes through the same vector code on a padded
 * copy), so an element's result does not depend on where a thread's chunk starts.
 *
 * exp, log, sigmoid, tanh and erf are polynomial approximations, not libm: measured against libm in double
 * over a dense sweep (kernel-check's math_accuracy): exp, log, sigmoid, tanh within 2 ulp-ish
 * (relative 2.5e-7), erf within 3e-7 absolute, expm1/softplus/mish/gelu_tanh within a few ulp; NaN, ±inf, 0 and subnormal inputs as libm.
 */
#ifndef CPU_SIMD_H
#define CPU_SIMD_H

#include <stddef.h>
#include <stdint.h>

/* Comparisons of simd()->compare, and the operand types it takes. */
enum { CMP_EQ, CMP_LT, CMP_LE, CMP_GT, CMP_GE };
enum { CMP_F32, CMP_I32, CMP_I64 };

/* y[i] = f(x[i]); y may be x. */
typedef void (*MapFn)(const float *x, float *y, size_t n);
/* y[j] = a[j·ia] ∘ b[j·ib] (ia, ib: 0 to broadcast one value, 1, or any stride). */
typedef void (*RowFn)(const float *a, ptrdiff_t ia, const float *b, ptrdiff_t ib, float *y, size_t n);

/* The unary maps of simd()->map_ext (trigonometric, hyperbolic, rounding, and a few with attributes). */
enum UnaryExtOp {
  UX_SIN, UX_COS, UX_TAN, UX_ASIN, UX_ACOS, UX_ATAN, UX_SINH, UX_COSH, UX_ASINH, UX_ACOSH, UX_ATANH,
  UX_CEIL, UX_FLOOR, UX_ROUND, UX_RECIPROCAL, UX_SIGN, UX_SOFTSIGN, UX_THRESHOLDED_RELU, UX_SHRINK
};

typedef struct SimdOps {
  const char *name; /* the ISA: "avx512", "avx2", "neon", "c" */
  MapFn exp, log, sigmoid, tanh, erf, relu, hard_swish, sqrt, neg, abs;
  /* expm1, softplus log(1 + e^x), mish x·tanh(softplus x), gelu_tanh (Gelu's tanh form), each without cancellation;
   * gelu_erf 0.5·x·(1 + erf(x/√2)) (Gelu's exact form) on the vector erf. */
  MapFn expm1, softplus, mish, gelu_tanh, gelu_erf;
  /* y = gamma·(x > 0 ? x : alpha·expm1(x/d)): Elu, Selu and Celu. */
  void (*elu)(const float *x, float *y, size_t n, float alpha, float gamma, float d);
  RowFn add, sub, mul, div, max, min, pow;
  void (*leaky_relu)(const float *x, float *y, size_t n, float alpha);
  /* min(max(x, lo), hi), NaN kept. */
  void (*clip)(const float *x, float *y, size_t n, float lo, float hi);
  /* y = (x − m) · k + b */
  void (*affine)(const float *x, float *y, size_t n, float m, float k, float b);
  /* Largest x[i] (NaN if any is NaN; −inf for n = 0). */
  float (*max_of)(const float *x, size_t n);
  /* y[i] = exp(x[i] − shift); returns Σ y[i], summed in float per block of 256 and across blocks in double. */
  double (*exp_sum)(const float *x, float *y, size_t n, float shift);
  /* Σ x[i] and Σ (x[i] − mean)², with the same blocking. */
  double (*sum)(const float *x, size_t n);
  double (*sq_dev)(const float *x, size_t n, float mean);
  /* Softmax over a non-innermost axis, a row of n columns at a time: y[j] = exp(x[j] − m[j]), s[j] += y[j]. */
  void (*exp_sub_acc)(const float *x, const float *m, float *y, double *s, size_t n);
  /* y[j] = a[j·ia] op b[j·ib] as 1 or 0 (NaN compares false); op CMP_*, a and b of type CMP_F32/I32/I64. */
  void (*compare)(int op, int type, const void *a, ptrdiff_t ia, const void *b, ptrdiff_t ib, uint8_t *y, size_t n);
  /* y[i] = x[i] · s */
  void (*scale)(const float *x, float *y, size_t n, float s);
  /* LayerNormalization's last pass: y = (x − mean) · inv · scale[i] (+ bias[i] when bias is not NULL). */
  void (*norm)(const float *x, float *y, size_t n, float mean, float inv, const float *scale, const float *bias);
  /* y[0:n] += alpha · Σ_p a[p·csa] · B[p·rsb + 0:n] over p < k (one row of sgemm's few-rows path, gemv.c). */
  void (*gemv)(ptrdiff_t k, float alpha, const float *a, ptrdiff_t csa, const float *B, ptrdiff_t rsb, float *y, size_t n);
  /* C[0:m, 0:n] += alpha · A[0:m, 0:k] · b for one packed panel b of sgemm's (k × NR, n ≤ NR); A with unit
   * column stride, read in place (sgemm.c's path for a B of one panel). */
  void (*panel_rows)(ptrdiff_t k, float alpha, const float *A, ptrdiff_t rsa, const float *b, float *C, ptrdiff_t ldc,
                     ptrdiff_t m, int n);
  /* y[i] = op(x[i]) for an UnaryExtOp (simd-trig.h for the transcendental ones); p, q: the op's attributes. */
  void (*map_ext)(int op, const float *x, float *y, size_t n, float p, float q);
  /* PRelu's row: a < 0 ? a·b : a. */
  RowFn prelu;
} SimdOps;

/* The table of the ISA cpu_isa() chose (isa.h). */
const SimdOps *simd(void);

extern const SimdOps simd_c, simd_avx2, simd_avx512, simd_neon;

#endif
