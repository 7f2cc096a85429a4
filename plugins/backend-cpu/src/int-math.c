/*
 * Integer elementwise ops, as the interp computes them on its typed arrays: Abs, Neg, Sign of int32/int64
 * (Abs and Neg wrap: |INT_MIN| = −INT_MIN = INT_MIN, computed in unsigned arithmetic so that it is defined),
 * and Mod of any integer width with numpy broadcasting (Add's metadata, then [fmod]): fmod = 1 is C's %
 * (the sign of the dividend), fmod = 0 Python's (the sign of the divisor); x mod 0 = 0 (the spec leaves it
 * undefined; the interp gives 0), and MIN mod −1 = 0. Plain loops the compiler vectorizes where it can
 * (built at -O3; integer division has no vector instruction on these ISAs).
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif
#include <stdint.h>
#include "kernels.h"

/* One macro serves signed and unsigned widths: its sign tests are constant false for the unsigned ones. */
#pragma GCC diagnostic ignored "-Wtype-limits"

static int is_int(uint32_t t) {
  return t == HODU_DTYPE_INT8 || t == HODU_DTYPE_INT16 || t == HODU_DTYPE_INT32 || t == HODU_DTYPE_INT64 ||
         t == HODU_DTYPE_UINT8 || t == HODU_DTYPE_UINT16 || t == HODU_DTYPE_UINT32 || t == HODU_DTYPE_UINT64;
}

/* The variant: COMPARE_VARIANT(UnaryMathOp OP_NEG/OP_ABS or OP_SIGN_INT, dtype). */
int32_t check_int_unary(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const uint32_t t = COMPARE_DTYPE(c->variant);
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE(c->step->input_count == 1 && x && y && x->dtype == t && y->dtype == t, "operands are not of the kernel's dtype");
  REQUIRE_META(numel(x) == numel(y) && c->step->metadata_count == 0);
  return HODU_OK;
}

#define INT_UNARY(T, U)                                                                                       \
  do {                                                                                                        \
    const T *x = (const T *)c->ptrs[hodu_manifest_step_input(c->step, 0)];                                    \
    T *y = (T *)c->ptrs[hodu_manifest_step_output(c->step, 0)];                                               \
    if (op == OP_NEG) for (size_t i = 0; i < n; i++) y[i] = (T)(0 - (U)x[i]);                                 \
    else if (op == OP_ABS) for (size_t i = 0; i < n; i++) y[i] = x[i] < 0 ? (T)(0 - (U)x[i]) : x[i];          \
    else for (size_t i = 0; i < n; i++) y[i] = (T)((x[i] > 0) - (x[i] < 0));                                  \
  } while (0)

int32_t run_int_unary(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const int op = COMPARE_OP(c->variant);
  const size_t n = numel(out_tensor(c, 0));
  if (COMPARE_DTYPE(c->variant) == HODU_DTYPE_INT64) INT_UNARY(int64_t, uint64_t);
  else INT_UNARY(int32_t, uint32_t);
  return HODU_OK;
}

/* The variant: the dtype (any integer width, signed or not). */
int32_t check_int_mod(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const uint32_t t = (uint32_t)c->variant;
  const HoduManifestTensor *a = in_tensor(c, 0), *b = in_tensor(c, 1), *y = out_tensor(c, 0);
  REQUIRE(is_int(t) && c->step->input_count == 2 && a && b && y && a->dtype == t && b->dtype == t && y->dtype == t,
          "operands are not of the kernel's dtype");
  REQUIRE_META(c->step->metadata_count >= 1);
  const int64_t fmod = meta(c, c->step->metadata_count - 1);
  REQUIRE(fmod == 0 || fmod == 1, "fmod is neither 0 nor 1");
  HoduManifestStep step = *c->step;
  step.metadata_count -= 1;
  KernelCall inner = *c;
  inner.step = &step;
  return check_broadcast_meta(&inner, err, err_cap);
}

/* C's % with x mod 0 = 0 and MIN mod −1 = 0 (the hardware would trap on both); Python's adds the divisor to
 * a non-zero remainder whose sign differs from it. */
#define MOD_ROWS(T)                                                                                           \
  do {                                                                                                        \
    const T *xa = (const T *)c->ptrs[hodu_manifest_step_input(c->step, 0)];                                  \
    const T *xb = (const T *)c->ptrs[hodu_manifest_step_input(c->step, 1)];                                   \
    T *out = (T *)c->ptrs[hodu_manifest_step_output(c->step, 0)];                                             \
    FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) {                                    \
      T p = a[(ptrdiff_t)j * ia];                                                                              \
      T q = b[(ptrdiff_t)j * ib];                                                                             \
      T r = q == 0 || (q == (T)-1 && (T)-1 < 0) ? 0 : (T)(p % q);                                             \
      y[j] = python && r != 0 && ((r < 0) != (q < 0)) ? (T)(r + q) : r;                                       \
    });                                                                                                       \
  } while (0)

int32_t run_int_mod(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  if (numel(out_tensor(c, 0)) == 0) return HODU_OK;
  const int python = meta(c, c->step->metadata_count - 1) == 0;
  switch ((uint32_t)c->variant) {
    case HODU_DTYPE_INT8: MOD_ROWS(int8_t); break;
    case HODU_DTYPE_INT16: MOD_ROWS(int16_t); break;
    case HODU_DTYPE_INT32: MOD_ROWS(int32_t); break;
    case HODU_DTYPE_INT64: MOD_ROWS(int64_t); break;
    case HODU_DTYPE_UINT8: MOD_ROWS(uint8_t); break;
    case HODU_DTYPE_UINT16: MOD_ROWS(uint16_t); break;
    case HODU_DTYPE_UINT32: MOD_ROWS(uint32_t); break;
    default: MOD_ROWS(uint64_t); break;
  }
  return HODU_OK;
}
