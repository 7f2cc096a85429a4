/*
 * Trilu (opset 14): keeps the upper (upper = 1, the default) or lower triangle of each of X's innermost
 * [rows, cols] matrices and zeroes the rest: element (i, j) is kept when j − i ≥ k (upper) or j − i ≤ k
 * (lower). k is the optional int64 scalar input (default 0), read at run time (PyTorch exports pass
 * key_length − query_length there); any k, even past the matrix, is exact. Any fixed-size dtype the cpu
 * lists (float32, int64, int32, bool, float16): elements are copied as bytes, zero bits being each dtype's
 * zero. Metadata [upper].
 */
#include <stdint.h>
#include <string.h>
#include "kernels.h"

static size_t element_size(uint32_t d) {
  switch (d) {
    case HODU_DTYPE_FLOAT32: case HODU_DTYPE_INT32: return 4;
    case HODU_DTYPE_INT64: return 8;
    case HODU_DTYPE_FLOAT16: return 2;
    case HODU_DTYPE_BOOL: return 1;
    default: return 0;
  }
}

int32_t check_trilu(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  const HoduManifestTensor *k = c->step->input_count > 1 ? in_tensor(c, 1) : NULL;
  REQUIRE(x && y && element_size(x->dtype) && y->dtype == x->dtype, "X and Y must be float32, int64, int32, bool or float16");
  REQUIRE(c->step->input_count <= 2 && (!k || (k->dtype == HODU_DTYPE_INT64 && numel(k) == 1)), "k must be an int64 scalar");
  REQUIRE(x->rank >= 2, "X must have rank >= 2");
  REQUIRE_META(c->step->metadata_count == 1 && y->rank == x->rank);
  for (uint32_t d = 0; d < x->rank; d++) REQUIRE_META(dim(y, d) == dim(x, d));
  return HODU_OK;
}

int32_t run_trilu(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0);
  const size_t es = element_size(x->dtype), total = numel(x);
  const int64_t rows = dim(x, x->rank - 2), cols = dim(x, x->rank - 1);
  if (total == 0) return HODU_OK;
  int32_t kid = c->step->input_count > 1 ? hodu_manifest_step_input(c->step, 1) : -1;
  int64_t k = kid >= 0 ? *(const int64_t *)c->ptrs[kid] : 0;
  /* Past ±(rows + cols) every row is all kept or all cut: clamping keeps i + k from overflowing. */
  if (k > rows + cols) k = rows + cols;
  if (k < -(rows + cols)) k = -(rows + cols);
  const int upper = meta(c, 0) != 0;
  const uint8_t *xs = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  uint8_t *ys = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  const size_t row_bytes = (size_t)cols * es;
  for (size_t base = 0; base < total * es; base += (size_t)rows * row_bytes) {
    for (int64_t i = 0; i < rows; i++) {
      /* Kept columns of row i: [i + k, cols) when upper, [0, i + k] when lower, clamped to the row. */
      int64_t lo = upper ? i + k : 0, hi = upper ? cols : i + k + 1;
      if (lo < 0) lo = 0;
      if (lo > cols) lo = cols;
      if (hi > cols) hi = cols;
      if (hi < lo) hi = lo;
      const uint8_t *src = xs + base + (size_t)i * row_bytes;
      uint8_t *dst = ys + base + (size_t)i * row_bytes;
      if (src != dst) memcpy(dst + (size_t)lo * es, src + (size_t)lo * es, (size_t)(hi - lo) * es);
      memset(dst, 0, (size_t)lo * es);
      memset(dst + (size_t)hi * es, 0, (size_t)(cols - hi) * es);
    }
  }
  return HODU_OK;
}
