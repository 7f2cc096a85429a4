/*
 * BitwiseAnd, BitwiseOr, BitwiseXor (numpy broadcasting, Add's metadata), BitwiseNot, and BitShift (Add's
 * metadata, then [direction: 0 LEFT, 1 RIGHT]) on integers. And/Or/Xor/Not do not depend on the sign, so one
 * loop per element width serves int8…uint64; BitShift is unsigned only (as the spec and the interp), and a
 * shift by the width or more gives 0 (the interp's result; C leaves it undefined). The variant is
 * COMPARE_VARIANT(LogicalOp, dtype) for the bitwise ops, the dtype for BitShift. Plain loops that the compiler
 * vectorizes (built at -O3).
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif
#include <stdint.h>
#include "kernels.h"

static int is_int(uint32_t t) {
  return t == HODU_DTYPE_INT8 || t == HODU_DTYPE_INT16 || t == HODU_DTYPE_INT32 || t == HODU_DTYPE_INT64 ||
         t == HODU_DTYPE_UINT8 || t == HODU_DTYPE_UINT16 || t == HODU_DTYPE_UINT32 || t == HODU_DTYPE_UINT64;
}

int32_t check_bitwise(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const uint32_t t = COMPARE_DTYPE(c->variant), n_in = COMPARE_OP(c->variant) == OP_NOT ? 1 : 2;
  REQUIRE(is_int(t) && c->step->input_count == n_in && out_tensor(c, 0) && out_tensor(c, 0)->dtype == t, "operands are not of the kernel's dtype");
  for (uint32_t i = 0; i < n_in; i++) REQUIRE(in_tensor(c, i) && in_tensor(c, i)->dtype == t, "operands are not of the kernel's dtype");
  if (n_in == 2) return check_broadcast_meta(c, err, err_cap);
  REQUIRE_META(numel(in_tensor(c, 0)) == numel(out_tensor(c, 0)) && c->step->metadata_count == 0);
  return HODU_OK;
}

#define BITWISE_ROWS(T)                                                                                       \
  do {                                                                                                        \
    const T *xa = (const T *)c->ptrs[hodu_manifest_step_input(c->step, 0)];                                  \
    T *out = (T *)c->ptrs[hodu_manifest_step_output(c->step, 0)];                                             \
    if (op == OP_NOT) {                                                                                       \
      for (size_t i = 0, n = numel(out_tensor(c, 0)); i < n; i++) out[i] = (T)~xa[i];                         \
      break;                                                                                                  \
    }                                                                                                         \
    const T *xb = (const T *)c->ptrs[hodu_manifest_step_input(c->step, 1)];                                   \
    if (op == OP_AND) FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) y[j] = a[(ptrdiff_t)j * ia] & b[(ptrdiff_t)j * ib]); \
    else if (op == OP_OR) FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) y[j] = a[(ptrdiff_t)j * ia] | b[(ptrdiff_t)j * ib]); \
    else FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) y[j] = a[(ptrdiff_t)j * ia] ^ b[(ptrdiff_t)j * ib]); \
  } while (0)

int32_t run_bitwise(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  if (numel(out_tensor(c, 0)) == 0) return HODU_OK;
  const int op = COMPARE_OP(c->variant);
  switch (hodu_dtype_size(COMPARE_DTYPE(c->variant))) {
    case 1: BITWISE_ROWS(uint8_t); break;
    case 2: BITWISE_ROWS(uint16_t); break;
    case 4: BITWISE_ROWS(uint32_t); break;
    default: BITWISE_ROWS(uint64_t); break;
  }
  return HODU_OK;
}

int32_t check_bit_shift(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const uint32_t t = (uint32_t)c->variant;
  const HoduManifestTensor *a = in_tensor(c, 0), *b = in_tensor(c, 1), *y = out_tensor(c, 0);
  REQUIRE((t == HODU_DTYPE_UINT8 || t == HODU_DTYPE_UINT16 || t == HODU_DTYPE_UINT32 || t == HODU_DTYPE_UINT64) &&
              c->step->input_count == 2 && a && b && y && a->dtype == t && b->dtype == t && y->dtype == t,
          "operands are not of the kernel's unsigned dtype");
  REQUIRE_META(c->step->metadata_count >= 1);
  const int64_t direction = meta(c, c->step->metadata_count - 1);
  REQUIRE(direction == 0 || direction == 1, "direction is neither LEFT nor RIGHT");
  HoduManifestStep step = *c->step;
  step.metadata_count -= 1;
  KernelCall inner = *c;
  inner.step = &step;
  return check_broadcast_meta(&inner, err, err_cap);
}

#define SHIFT_ROWS(T, BITS)                                                                                   \
  do {                                                                                                        \
    const T *xa = (const T *)c->ptrs[hodu_manifest_step_input(c->step, 0)];                                  \
    const T *xb = (const T *)c->ptrs[hodu_manifest_step_input(c->step, 1)];                                   \
    T *out = (T *)c->ptrs[hodu_manifest_step_output(c->step, 0)];                                             \
    if (right) FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) { T s = b[(ptrdiff_t)j * ib]; y[j] = s >= BITS ? 0 : (T)(a[(ptrdiff_t)j * ia] >> s); }); \
    else FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) { T s = b[(ptrdiff_t)j * ib]; y[j] = s >= BITS ? 0 : (T)(a[(ptrdiff_t)j * ia] << s); }); \
  } while (0)

int32_t run_bit_shift(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  if (numel(out_tensor(c, 0)) == 0) return HODU_OK;
  const int right = meta(c, c->step->metadata_count - 1) == 1;
  switch ((uint32_t)c->variant) {
    case HODU_DTYPE_UINT8: SHIFT_ROWS(uint8_t, 8); break;
    case HODU_DTYPE_UINT16: SHIFT_ROWS(uint16_t, 16); break;
    case HODU_DTYPE_UINT32: SHIFT_ROWS(uint32_t, 32); break;
    default: SHIFT_ROWS(uint64_t, 64); break;
  }
  return HODU_OK;
}
