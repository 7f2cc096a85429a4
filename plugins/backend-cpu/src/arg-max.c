/*
 * ArgMax / ArgMin (opsets 1, 11, 12, 13) of float32 data along one axis, int64 indices out: the first index of
 * the extreme, or the last with select_last_index = 1 (opset 12). As the interp (util/arg-extreme.ts) an
 * element replaces the best so far only when it beats it (> for max, < for min) or, with select_last_index,
 * equals it: a NaN never wins, and a NaN at index 0 is never beaten. keepdims only shapes Y (the planner's
 * dims). Metadata: [outer, axis_dim, inner, select_last_index] (outer = product of dims before the axis,
 * inner = after it). An empty axis is refused (the interp reports it).
 */
#include "kernels.h"
#include "threads.h"

int32_t check_arg_extreme(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE(c->step->input_count == 1 && x && y && x->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_INT64,
          "takes float32 data and gives int64 indices");
  REQUIRE_META(c->step->metadata_count == 4);
  int64_t outer = meta(c, 0), n = meta(c, 1), inner = meta(c, 2), last = meta(c, 3);
  REQUIRE_META(outer >= 0 && n >= 0 && inner >= 0 && (last == 0 || last == 1));
  REQUIRE_META((uint64_t)(outer * n * inner) == numel(x) && (uint64_t)(outer * inner) == numel(y));
  REQUIRE(n > 0, "the axis is empty");
  *scratch = (size_t)inner; /* the best value so far of each column */
  return HODU_OK;
}

/* `beats` for the extreme this variant looks for, `ties` when select_last_index takes the later of equals. */
#define BETTER(a, b) (is_min ? (a) < (b) : (a) > (b)) || (last && (a) == (b))

int32_t run_arg_extreme(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const float *x = in_f32(c, 0);
  int64_t *y = (int64_t *)c->ptrs[hodu_manifest_step_output(c->step, 0)];
  const int64_t outer = meta(c, 0), n = meta(c, 1), inner = meta(c, 2);
  const int last = meta(c, 3) != 0, is_min = c->variant == OP_ARG_MIN;
  float *best = c->scratch;
  for (int64_t o = 0; o < outer; o++) {
    const float *xo = x + o * n * inner;
    int64_t *yo = y + o * inner;
    if (inner == 1) { /* the axis is contiguous: one scan */
      int64_t b = 0;
      float bv = xo[0];
      for (int64_t k = 1; k < n; k++)
        if (BETTER(xo[k], bv)) b = k, bv = xo[k];
      yo[0] = b;
      continue;
    }
    /* The axis is strided: walk it row by row, every column of a row at once (contiguous, vectorizable). */
    for (int64_t i = 0; i < inner; i++) best[i] = xo[i], yo[i] = 0;
    for (int64_t k = 1; k < n; k++) {
      const float *row = xo + k * inner;
      for (int64_t i = 0; i < inner; i++)
        if (BETTER(row[i], best[i])) best[i] = row[i], yo[i] = k;
    }
  }
  return HODU_OK;
}
