/*
 * Broadcasting comparisons to bool (Equal, Less, LessOrEqual, Greater, GreaterOrEqual) of float32, int64
 * or int32 operands, and Where (bool condition, float32 / int64 / int32 / bool values). NaN compares false,
 * as in the interp. A comparison's innermost rows go through simd()->compare (vectorized per ISA). The variant is COMPARE_VARIANT(op, HODU_DTYPE_* of the operands).
 * Metadata: comparisons take Add's [rank, out_dims(rank), a_strides(rank), b_strides(rank)]; Where takes
 * [rank, out_dims(rank), cond_strides(rank), x_strides(rank), y_strides(rank)].
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "simd.h"

/* The strided layout of `operands` inputs: rank, output dims matching Y, each input big enough. */
static int32_t check_strided(const KernelCall *c, uint32_t operands, char *err, size_t err_cap) {
  const HoduManifestTensor *y = out_tensor(c, 0);
  REQUIRE_META(c->step->input_count == operands && y && c->step->metadata_count >= 1);
  int64_t rank = meta(c, 0);
  REQUIRE_META(rank >= 0 && rank <= 64 && c->step->metadata_count == 1 + (1 + operands) * (uint64_t)rank && y->rank == (uint32_t)rank);
  for (uint32_t d = 0; d < (uint32_t)rank; d++) {
    REQUIRE_META(meta(c, 1 + d) == dim(y, d));
    for (uint32_t k = 0; k < operands; k++) REQUIRE_META(meta(c, 1 + (1 + k) * (uint32_t)rank + d) >= 0);
  }
  for (uint32_t k = 0; k < operands; k++) REQUIRE_META(in_tensor(c, k));
  if (numel(y) == 0) return HODU_OK;
  for (uint32_t k = 0; k < operands; k++)
    REQUIRE_META(broadcast_reach(c, (uint32_t)rank, 1 + (1 + k) * (uint32_t)rank) <= numel(in_tensor(c, k)));
  return HODU_OK;
}

int32_t check_compare(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  uint32_t t = COMPARE_DTYPE(c->variant);
  REQUIRE(c->step->input_count == 2 && in_tensor(c, 0) && in_tensor(c, 1) && in_tensor(c, 0)->dtype == t && in_tensor(c, 1)->dtype == t,
          "operands are not of the kernel's dtype");
  REQUIRE(out_tensor(c, 0) && out_tensor(c, 0)->dtype == HODU_DTYPE_BOOL, "output is not bool");
  return check_strided(c, 2, err, err_cap);
}

int32_t check_where(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  uint32_t t = COMPARE_DTYPE(c->variant);
  REQUIRE(c->step->input_count == 3 && in_tensor(c, 0) && in_tensor(c, 1) && in_tensor(c, 2), "takes 3 inputs");
  REQUIRE(in_tensor(c, 0)->dtype == HODU_DTYPE_BOOL && in_tensor(c, 1)->dtype == t && in_tensor(c, 2)->dtype == t &&
              out_tensor(c, 0) && out_tensor(c, 0)->dtype == t,
          "dtypes do not match the kernel");
  return check_strided(c, 3, err, err_cap);
}

/* Odometer over the outer axes; ROW(offsets…, out offset, n) handles the innermost axis. */
#define ODOMETER(K, ROW)                                                                                     \
  uint32_t rank = (uint32_t)meta(c, 0);                                                                      \
  int64_t dims[64], st[K][64], idx[64];                                                                      \
  ptrdiff_t off[K] = {0}, inc[K] = {0};                                                                      \
  size_t total = 1;                                                                                          \
  for (uint32_t d = 0; d < rank; d++) {                                                                      \
    dims[d] = meta(c, 1 + d);                                                                                \
    for (uint32_t k = 0; k < K; k++) st[k][d] = meta(c, 1 + (1 + k) * rank + d);                            \
    idx[d] = 0;                                                                                              \
    total *= (size_t)dims[d];                                                                                \
  }                                                                                                          \
  if (total == 0) return HODU_OK;                                                                            \
  size_t inner = rank ? (size_t)dims[rank - 1] : 1;                                                          \
  for (uint32_t k = 0; k < K; k++) inc[k] = rank ? (ptrdiff_t)st[k][rank - 1] : 0;                           \
  for (size_t o = 0; o < total; o += inner) {                                                                \
    ROW;                                                                                                     \
    for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {                                                       \
      for (uint32_t k = 0; k < K; k++) off[k] += (ptrdiff_t)st[k][d];                                        \
      if (++idx[d] < dims[d]) break;                                                                         \
      for (uint32_t k = 0; k < K; k++) off[k] -= (ptrdiff_t)(st[k][d] * dims[d]);                            \
      idx[d] = 0;                                                                                            \
    }                                                                                                        \
  }

/* One innermost row through the vector table (simd.h: compiled per ISA, any of the four row layouts). */
#define CMP_ROW(T, TYPE)                                                                                     \
  v->compare(op, TYPE, (const T *)av + off[0], inc[0], (const T *)bv + off[1], inc[1], yv + o, inner)

/* The interp's op order (kernels.h's CompareOp) to simd.h's. */
static int simd_compare_op(int op) {
  switch (op) {
    case OP_EQUAL: return CMP_EQ;
    case OP_LESS: return CMP_LT;
    case OP_LESS_OR_EQUAL: return CMP_LE;
    case OP_GREATER: return CMP_GT;
    default: return CMP_GE;
  }
}

int32_t run_compare(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const void *av = c->ptrs[hodu_manifest_step_input(c->step, 0)], *bv = c->ptrs[hodu_manifest_step_input(c->step, 1)];
  uint8_t *yv = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  const SimdOps *v = simd();
  int op = simd_compare_op(COMPARE_OP(c->variant));
  switch (COMPARE_DTYPE(c->variant)) {
    case HODU_DTYPE_FLOAT32: { ODOMETER(2, CMP_ROW(float, CMP_F32)) break; }
    case HODU_DTYPE_INT64: { ODOMETER(2, CMP_ROW(int64_t, CMP_I64)) break; }
    default: { ODOMETER(2, CMP_ROW(int32_t, CMP_I32)) break; }
  }
  return HODU_OK;
}

#define WHERE_LOOP(T)                                                                                        \
  {                                                                                                          \
    const uint8_t *cd = cv + off[0];                                                                         \
    const T *x = (const T *)xv + off[1], *z = (const T *)zv + off[2];                                        \
    T *y = (T *)yv + o;                                                                                      \
    ptrdiff_t ic = inc[0], ix = inc[1], iz = inc[2];                                                         \
    if (ic == 1 && ix == 1 && iz == 1) for (size_t j = 0; j < inner; j++) y[j] = cd[j] ? x[j] : z[j];         \
    else for (size_t j = 0; j < inner; j++) y[j] = cd[(ptrdiff_t)j * ic] ? x[(ptrdiff_t)j * ix] : z[(ptrdiff_t)j * iz]; \
  }

int32_t run_where(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const uint8_t *cv = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  const void *xv = c->ptrs[hodu_manifest_step_input(c->step, 1)], *zv = c->ptrs[hodu_manifest_step_input(c->step, 2)];
  void *yv = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  switch (COMPARE_DTYPE(c->variant)) {
    case HODU_DTYPE_FLOAT32: case HODU_DTYPE_INT32: { ODOMETER(3, WHERE_LOOP(uint32_t)) break; }
    case HODU_DTYPE_INT64: { ODOMETER(3, WHERE_LOOP(uint64_t)) break; }
    default: { ODOMETER(3, WHERE_LOOP(uint8_t)) break; }
  }
  return HODU_OK;
}
