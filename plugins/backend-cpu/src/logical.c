/*
 * And, Or, Xor of bool tensors with numpy broadcasting (metadata as Add: [rank, out_dims(rank),
 * a_strides(rank), b_strides(rank)]) and Not (no metadata). Bools are bytes 0/1; the result is always 0/1
 * whatever non-zero byte an input holds. The variant is a LogicalOp.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <stdio.h>
#include "kernels.h"

static int32_t check_bool_io(const KernelCall *c, uint32_t inputs, char *err, size_t err_cap) {
  REQUIRE_META(c->step->input_count == inputs && c->step->output_count == 1);
  for (uint32_t i = 0; i < inputs; i++) REQUIRE(in_tensor(c, i) && in_tensor(c, i)->dtype == HODU_DTYPE_BOOL, "input %u is not bool", (unsigned)i);
  REQUIRE(out_tensor(c, 0) && out_tensor(c, 0)->dtype == HODU_DTYPE_BOOL, "output is not bool");
  return HODU_OK;
}

int32_t check_logical(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  if (c->variant == OP_NOT) {
    int32_t s = check_bool_io(c, 1, err, err_cap);
    if (s != HODU_OK) return s;
    REQUIRE_META(c->step->metadata_count == 0 && numel(in_tensor(c, 0)) == numel(out_tensor(c, 0)));
    return HODU_OK;
  }
  int32_t s = check_bool_io(c, 2, err, err_cap);
  if (s != HODU_OK) return s;
  return check_broadcast_meta(c, err, err_cap);
}

#define ROW(EXPR) for (size_t j = 0; j < n; j++) { uint8_t p = a[(ptrdiff_t)j * ia] != 0, q = b[(ptrdiff_t)j * ib] != 0; y[j] = (uint8_t)(EXPR); }

int32_t run_logical(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const uint8_t *x = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  uint8_t *out = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  if (c->variant == OP_NOT) {
    size_t n = numel(out_tensor(c, 0));
    for (size_t i = 0; i < n; i++) out[i] = x[i] == 0;
    return HODU_OK;
  }
  const uint8_t *bx = c->ptrs[hodu_manifest_step_input(c->step, 1)];
  FOR_BROADCAST_ROWS(c, uint8_t, x, bx, out, {
    switch (c->variant) {
      case OP_AND: ROW(p & q) break;
      case OP_OR: ROW(p | q) break;
      default: ROW(p ^ q) break;
    }
  });
  return HODU_OK;
}
