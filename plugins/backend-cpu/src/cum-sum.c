/*
 * CumSum (opsets 11 and 14): the running sum of X along `axis`, a scalar int64/int32 input read at run time
 * (it need not be a constant), with the attributes exclusive (the sum before each element, starting at 0)
 * and reverse (from the last element). X float32, float64 (the official node tests' dtype), int64 or int32.
 * Metadata [exclusive, reverse]. float sums are in X's precision as the interp's (one add per element in axis
 * order), so the results are the same bits; int64/int32 wrap around modulo 2^64/2^32 (unsigned adds).
 * Any axis: each outer block is a [len, inner] matrix whose rows are added one into the next, inner
 * elements at a time (contiguous, so the adds vectorize).
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the row adds (the plugin is built at -O2) */
#endif
#include <stdint.h>
#include <string.h>
#include "kernels.h"

static int dtype_ok(uint32_t d) { return d == HODU_DTYPE_FLOAT32 || d == HODU_DTYPE_FLOAT64 || d == HODU_DTYPE_INT64 || d == HODU_DTYPE_INT32; }

int32_t check_cum_sum(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *axis = in_tensor(c, 1), *y = out_tensor(c, 0);
  REQUIRE(c->step->input_count == 2 && x && axis && y && dtype_ok(x->dtype) && y->dtype == x->dtype, "X and Y must be float32, float64, int64 or int32");
  REQUIRE(axis->dtype == HODU_DTYPE_INT64 || axis->dtype == HODU_DTYPE_INT32, "axis must be int64 or int32");
  REQUIRE(x->rank >= 1, "X must have rank >= 1");
  REQUIRE_META(c->step->metadata_count == 2 && y->rank == x->rank && numel(y) == numel(x));
  for (uint32_t d = 0; d < x->rank; d++) REQUIRE_META(dim(y, d) == dim(x, d));
  REQUIRE_META(numel(axis) == 1);
  return HODU_OK;
}

/* Row i of each block becomes (exclusive ? rows before i : rows up to i); reverse walks the rows backwards. */
#define CUMSUM(T, ACC)                                                                                       \
  do {                                                                                                       \
    const T *xs = (const T *)xv;                                                                             \
    T *ys = (T *)yv;                                                                                         \
    for (size_t o = 0; o < outer; o++) {                                                                     \
      const T *xb = xs + o * len * inner;                                                                    \
      T *yb = ys + o * len * inner;                                                                          \
      for (size_t s = 0; s < len; s++) {                                                                     \
        size_t i = reverse ? len - 1 - s : s;                                                                \
        T *row = yb + i * inner;                                                                             \
        if (s == 0) {                                                                                        \
          if (exclusive) memset(row, 0, inner * sizeof(T));                                                  \
          else memcpy(row, xb + i * inner, inner * sizeof(T));                                               \
          continue;                                                                                          \
        }                                                                                                    \
        size_t p = reverse ? i + 1 : i - 1;                                                                  \
        const T *prev = yb + p * inner, *add = xb + (exclusive ? p : i) * inner;                             \
        for (size_t j = 0; j < inner; j++) row[j] = ACC(prev[j], add[j]);                                    \
      }                                                                                                      \
    }                                                                                                        \
  } while (0)
#define ADD_F(a, b) ((a) + (b))
#define ADD_I64(a, b) ((int64_t)((uint64_t)(a) + (uint64_t)(b)))
#define ADD_I32(a, b) ((int32_t)((uint32_t)(a) + (uint32_t)(b)))

int32_t run_cum_sum(const KernelCall *c, char *err, size_t err_cap) {
  const HoduManifestTensor *x = in_tensor(c, 0), *at = in_tensor(c, 1);
  const void *av = c->ptrs[hodu_manifest_step_input(c->step, 1)];
  int64_t axis = at->dtype == HODU_DTYPE_INT64 ? *(const int64_t *)av : *(const int32_t *)av;
  int64_t rank = (int64_t)x->rank;
  if (axis < -rank || axis >= rank) {
    hodu_set_error(err, err_cap, "%s (node '%s'): axis %lld is out of range for rank %lld", c->step->kernel, c->step->node, (long long)axis, (long long)rank);
    return HODU_ERR_INVALID_ARGUMENT;
  }
  if (axis < 0) axis += rank;
  size_t outer = 1, inner = 1, len = (size_t)dim(x, (uint32_t)axis);
  for (int64_t d = 0; d < axis; d++) outer *= (size_t)dim(x, (uint32_t)d);
  for (int64_t d = axis + 1; d < rank; d++) inner *= (size_t)dim(x, (uint32_t)d);
  if (outer * len * inner == 0) return HODU_OK;
  const int exclusive = meta(c, 0) != 0, reverse = meta(c, 1) != 0;
  const void *xv = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  void *yv = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  switch (x->dtype) {
    case HODU_DTYPE_FLOAT32: CUMSUM(float, ADD_F); break;
    case HODU_DTYPE_FLOAT64: CUMSUM(double, ADD_F); break;
    case HODU_DTYPE_INT64: CUMSUM(int64_t, ADD_I64); break;
    default: CUMSUM(int32_t, ADD_I32); break;
  }
  return HODU_OK;
}
