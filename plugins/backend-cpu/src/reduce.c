/* ReduceSum, ReduceMean, ReduceMax, ReduceMin over any set of axes (sums in double, as the interp, but
 * for a reduced innermost axis: float lanes per block of 256, blocks in double, simd.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "simd.h"

/* Metadata: [rank, in_dims(rank), reduced(rank)] (1 reduced, 0 kept, -1 unknown: refused). */
int32_t check_reduce(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  /* Input 1 (axes, int64) is not read: the metadata carries the resolved axes. */
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE(x && y && x->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_FLOAT32 && c->step->input_count <= 2,
          "data is not float32");
  int64_t rank = meta(c, 0);
  REQUIRE_META(rank >= 0 && rank <= 64 && c->step->metadata_count == 1 + 2 * (uint64_t)rank && x->rank == rank);
  uint64_t kept = 1, count = 1;
  for (uint32_t d = 0; d < (uint32_t)rank; d++) {
    int64_t flag = meta(c, 1 + (uint32_t)rank + d);
    REQUIRE(flag != -1, "axes given as an input with keepdims = 0 are not known when planning");
    REQUIRE_META(meta(c, 1 + d) == dim(x, d) && (flag == 0 || flag == 1));
    if (flag) count *= (uint64_t)dim(x, d);
    else kept *= (uint64_t)dim(x, d);
  }
  REQUIRE_META(numel(out_tensor(c, 0)) == kept);
  REQUIRE(count > 0 || c->variant == OP_REDUCE_SUM || c->variant == OP_REDUCE_MEAN || kept == 0,
          "max/min over an empty set of elements");
  *scratch = 2 * kept; /* one double accumulator per output */
  return HODU_OK;
}

int32_t run_reduce(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *xt = in_tensor(c, 0);
  uint32_t rank = (uint32_t)meta(c, 0);
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  size_t kept = numel(out_tensor(c, 0)), total = numel(xt), count = kept ? total / kept : 0;
  double *acc = (double *)c->scratch;
  int is_sum = c->variant == OP_REDUCE_SUM || c->variant == OP_REDUCE_MEAN, is_max = c->variant == OP_REDUCE_MAX;
  /* Adjacent axes both reduced or both kept are one axis (size-1 axes drop out): ReduceMean over H and W of
   * NCHW sums each plane as one run, not W elements at a time (mobilenet.onnx: 8 per call, 3.3 µs for 2048). */
  int64_t ostride[64], dims[64], idx[64], reduced[64];
  uint32_t r = 0;
  for (uint32_t d = 0; d < rank; d++) {
    const int64_t n = dim(xt, d), red = meta(c, 1 + rank + d) != 0;
    if (n == 1) continue;
    if (r > 0 && reduced[r - 1] == red) dims[r - 1] *= n;
    else dims[r] = n, reduced[r++] = red;
  }
  rank = r;
  /* Output stride of each axis (0 along reduced axes), then one pass over X like an odometer. */
  int64_t acc_stride = 1;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) {
    idx[d] = 0;
    ostride[d] = reduced[d] ? 0 : acc_stride;
    if (!ostride[d]) continue;
    acc_stride *= dims[d];
  }
  for (size_t o = 0; o < kept; o++) acc[o] = is_sum ? 0.0 : is_max ? -INFINITY : INFINITY;
  if (total == 0) goto finish;
  size_t inner = rank ? (size_t)dims[rank - 1] : 1;
  int64_t is = rank ? ostride[rank - 1] : 0, off = 0;
  for (size_t i = 0; i < total; i += inner) {
    const float *xs = x + i;
    double *a = acc + off;
    if (is == 0) { /* the innermost axis is reduced: fold the run into one accumulator */
      double v = *a;
      if (is_sum) v += simd()->sum(xs, inner);
      else if (is_max) {
        double m = simd()->max_of(xs, inner); /* NaN if any is; a NaN already in v stays */
        if (!isnan(v) && (m > v || isnan(m))) v = m;
      }
      else for (size_t j = 0; j < inner; j++) v = xs[j] < v || isnan(xs[j]) ? xs[j] : v;
      *a = v;
    } else if (is_sum) for (size_t j = 0; j < inner; j++) a[j] += xs[j];
    else if (is_max) for (size_t j = 0; j < inner; j++) a[j] = xs[j] > a[j] || isnan(xs[j]) ? xs[j] : a[j];
    else for (size_t j = 0; j < inner; j++) a[j] = xs[j] < a[j] || isnan(xs[j]) ? xs[j] : a[j];
    for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {
      off += ostride[d];
      if (++idx[d] < dims[d]) break;
      off -= ostride[d] * dims[d];
      idx[d] = 0;
    }
  }
finish:
  /* Mean of an empty group is NaN (0/0), as numpy.mean and the interp. */
  for (size_t o = 0; o < kept; o++) y[o] = (float)(c->variant == OP_REDUCE_MEAN ? acc[o] / (double)count : acc[o]);
  return HODU_OK;
}
