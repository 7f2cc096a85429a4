/*
 * Add, Sub, Mul, Div of int64 or int32 operands (the index arithmetic PyTorch exports leave at run time, e.g.
 * GPT-2's position ids `attention_mask.cumsum(-1) - 1`), with numpy broadcasting: Add's metadata
 * [rank, out_dims(rank), a_strides(rank), b_strides(rank)]. The variant is COMPARE_VARIANT(BinaryOp, dtype).
 * As the interp (BigInt64Array / Int32Array stores): +, − and × wrap around modulo 2^64 (2^32), computed in
 * unsigned arithmetic so that overflow is defined; Div truncates toward zero, x / 0 is 0 (the spec leaves it
 * undefined; the interp gives 0 rather than trap), and MIN / −1 wraps to MIN.
 */
#include <stdint.h>
#include "kernels.h"

int32_t check_binary_int(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  uint32_t t = COMPARE_DTYPE(c->variant);
  const HoduManifestTensor *a = in_tensor(c, 0), *b = in_tensor(c, 1), *y = out_tensor(c, 0);
  REQUIRE(c->step->input_count == 2 && a && b && y && a->dtype == t && b->dtype == t && y->dtype == t, "operands are not of the kernel's dtype");
  return check_broadcast_meta(c, err, err_cap);
}

/* One output row per kernel dtype: T the element, U its unsigned twin (wrapping +, −, ×). */
#define INT_ROWS(T, U)                                                                                  \
  do {                                                                                                       \
    const T *xa = (const T *)c->ptrs[hodu_manifest_step_input(c->step, 0)];                                  \
    const T *xb = (const T *)c->ptrs[hodu_manifest_step_input(c->step, 1)];                                  \
    T *out = (T *)c->ptrs[hodu_manifest_step_output(c->step, 0)];                                            \
    switch (op) {                                                                                            \
      case OP_ADD: FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) y[j] = (T)((U)a[(ptrdiff_t)j * ia] + (U)b[(ptrdiff_t)j * ib])); break; \
      case OP_SUB: FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) y[j] = (T)((U)a[(ptrdiff_t)j * ia] - (U)b[(ptrdiff_t)j * ib])); break; \
      case OP_MUL: FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) y[j] = (T)((U)a[(ptrdiff_t)j * ia] * (U)b[(ptrdiff_t)j * ib])); break; \
      default:                                                                                               \
        FOR_BROADCAST_ROWS(c, T, xa, xb, out, for (size_t j = 0; j < n; j++) {                               \
          T p = a[(ptrdiff_t)j * ia];                                                                        \
          T q = b[(ptrdiff_t)j * ib];                                                                        \
          y[j] = q == 0 ? 0 : q == -1 ? (T)(0 - (U)p) : (T)(p / q);                                          \
        });                                                                                                  \
    }                                                                                                        \
  } while (0)

int32_t run_binary_int(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  if (numel(out_tensor(c, 0)) == 0) return HODU_OK;
  int op = COMPARE_OP(c->variant);
  if (COMPARE_DTYPE(c->variant) == HODU_DTYPE_INT64) INT_ROWS(int64_t, uint64_t);
  else INT_ROWS(int32_t, uint32_t);
  return HODU_OK;
}
