/*
 * float16 storage, float32 compute: Add, Sub, Mul, Div with numpy broadcasting (Add's metadata) and Relu, Neg,
 * Abs, Sqrt (no metadata). Each element is decoded, computed in float32 and rounded once to float16. The interp
 * computes in double and rounds through float32 to float16; for these ops both give the same bits (the float32
 * result is the correctly rounded double one: +, −, ×, ÷ and √ of float16 values rounded to float32 directly or
 * through double agree), which is why only these ops have float16 kernels.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <math.h>
#include <stdio.h>
#include "half.h"
#include "kernels.h"


static int32_t check_f16_io(const KernelCall *c, uint32_t inputs, char *err, size_t err_cap) {
  REQUIRE_META(c->step->input_count == inputs && c->step->output_count == 1);
  for (uint32_t i = 0; i < inputs; i++) REQUIRE(in_tensor(c, i) && in_tensor(c, i)->dtype == HODU_DTYPE_FLOAT16, "input %u is not float16", (unsigned)i);
  REQUIRE(out_tensor(c, 0) && out_tensor(c, 0)->dtype == HODU_DTYPE_FLOAT16, "output is not float16");
  return HODU_OK;
}

int32_t check_binary_f16(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_f16_io(c, 2, err, err_cap);
  if (s != HODU_OK) return s;
  return check_broadcast_meta(c, err, err_cap);
}

/* Elements per block: decoded into float32 on the stack, computed, encoded (half.h's vectorized converters). */
enum { HALF_BLOCK = 512 };

/* Decodes n elements of x at stride s (0: one broadcast value, 1: contiguous) into f. */
static void decode(const uint16_t *x, ptrdiff_t s, float *f, size_t n) {
  if (s == 1) halves_to_floats(x, f, n);
  else
    for (size_t k = 0; k < n; k++) f[k] = half_to_float(x[(ptrdiff_t)k * s]);
}

#define BLOCK_OP(OPR) for (size_t k = 0; k < m; k++) fa[k] = fa[k] OPR fb[k];

static void binary_row(const uint16_t *a, ptrdiff_t ia, const uint16_t *b, ptrdiff_t ib, uint16_t *y, size_t n, int op) {
  float fa[HALF_BLOCK], fb[HALF_BLOCK];
  for (size_t j = 0; j < n; j += HALF_BLOCK) {
    size_t m = n - j < HALF_BLOCK ? n - j : HALF_BLOCK;
    decode(a + (ptrdiff_t)j * ia, ia, fa, m);
    decode(b + (ptrdiff_t)j * ib, ib, fb, m);
    switch (op) {
      case OP_ADD: BLOCK_OP(+) break;
      case OP_SUB: BLOCK_OP(-) break;
      case OP_MUL: BLOCK_OP(*) break;
      default: BLOCK_OP(/) break;
    }
    floats_to_halves(fa, y + j, m, 1); /* a NaN as the interp's: positive (a JavaScript NaN has no sign) */
  }
}

int32_t run_binary_f16(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const uint16_t *xa = c->ptrs[hodu_manifest_step_input(c->step, 0)], *xb = c->ptrs[hodu_manifest_step_input(c->step, 1)];
  uint16_t *out = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  FOR_BROADCAST_ROWS(c, uint16_t, xa, xb, out, binary_row(a, ia, b, ib, y, n, c->variant));
  return HODU_OK;
}

int32_t check_unary_f16(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_f16_io(c, 1, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(c->step->metadata_count == 0 && numel(in_tensor(c, 0)) == numel(out_tensor(c, 0)));
  return HODU_OK;
}

int32_t run_unary_f16(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const uint16_t *x = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  uint16_t *y = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  const size_t n = numel(out_tensor(c, 0));
  float f[HALF_BLOCK];
  for (size_t j = 0; j < n; j += HALF_BLOCK) {
    size_t m = n - j < HALF_BLOCK ? n - j : HALF_BLOCK;
    halves_to_floats(x + j, f, m);
    switch (c->variant) {
      /* As the interp's x < 0 ? 0 : x: NaN and −0 pass through (re-encoded, so NaN is the quiet one). */
      case OP_HALF_RELU: for (size_t k = 0; k < m; k++) f[k] = f[k] < 0.0f ? 0.0f : f[k]; break;
      case OP_HALF_NEG: for (size_t k = 0; k < m; k++) f[k] = -f[k]; break;
      case OP_HALF_ABS: for (size_t k = 0; k < m; k++) f[k] = fabsf(f[k]); break;
      default: for (size_t k = 0; k < m; k++) f[k] = sqrtf(f[k]); break;
    }
    floats_to_halves(f, y + j, m, 1);
  }
  return HODU_OK;
}
