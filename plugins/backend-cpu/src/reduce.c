/* ReduceSum, ReduceMean, ReduceMax, ReduceMin over any set of axes (sums in double, as the interp, but
 * for a reduced innermost axis: float lanes per block of 256, blocks in double, simd.h); ReduceProd, ReduceL1,
 * ReduceL2, ReduceLogSum, ReduceLogSumExp and ReduceSumSquare fold each element in double, as the interp's
 * accumulate() (src/backends/interp/util/reduce.ts), so they agree with it to the last rounding. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "simd.h"

/*
 * Metadata: [rank, in_dims(rank), reduced(rank)] (1 reduced, 0 kept; all −1 when the axes are an input and
 * keepdims = 0: the planner cannot read them, so run() reads input 1, int64, and checks them against Y).
 */
int32_t check_reduce(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE(x && y && x->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_FLOAT32 && c->step->input_count <= 2,
          "data is not float32");
  int64_t rank = meta(c, 0);
  REQUIRE_META(rank >= 0 && rank <= 64 && c->step->metadata_count == 1 + 2 * (uint64_t)rank && x->rank == rank);
  uint64_t kept = 1, count = 1, unknown = 0;
  for (uint32_t d = 0; d < (uint32_t)rank; d++) {
    int64_t flag = meta(c, 1 + (uint32_t)rank + d);
    REQUIRE_META(meta(c, 1 + d) == dim(x, d) && (flag == 0 || flag == 1 || flag == -1));
    if (flag == -1) unknown++;
    else if (flag) count *= (uint64_t)dim(x, d);
    else kept *= (uint64_t)dim(x, d);
  }
  if (unknown) {
    const HoduManifestTensor *axes = in_tensor(c, 1);
    REQUIRE_META(unknown == (uint64_t)rank && axes && axes->dtype == HODU_DTYPE_INT64);
    kept = numel(y), count = kept ? numel(x) / kept : 0;
  }
  REQUIRE_META(numel(out_tensor(c, 0)) == kept);
  REQUIRE(unknown || count > 0 || (c->variant != OP_REDUCE_MAX && c->variant != OP_REDUCE_MIN) || kept == 0,
          "max/min over an empty set of elements");
  /* one double accumulator per output; LogSumExp a second one (the group's max, then the sum) */
  *scratch = (c->variant == OP_REDUCE_LOG_SUM_EXP ? 4 : 2) * kept;
  return HODU_OK;
}

/* How one pass folds an element into its output's accumulator. */
enum Fold { FOLD_SUM, FOLD_MAX, FOLD_MIN, FOLD_ABS, FOLD_SQUARE, FOLD_PROD, FOLD_EXP_LESS_MAX, FOLD_MAX_PLAIN };

/* The input's axes with size-1 axes dropped and adjacent axes both reduced or both kept merged, and the
 * accumulator stride of each (0 along reduced axes). */
typedef struct ReduceShape {
  uint32_t rank;
  int64_t dims[64], ostride[64];
} ReduceShape;

/*
 * The reduced flags of the axes (rank ≤ 64): the metadata's, or, when they are −1, from the axes input read now
 * (empty axes: no axis when Y has X's size and more than one element, as noop_with_empty_axes = 1 gives, else
 * all; for one element the two agree). Fails the run when the axes are out of range or do not give Y's size.
 */
static int32_t reduced_flags(const KernelCall *c, int64_t *flags, char *err, size_t err_cap) {
  const HoduManifestTensor *xt = in_tensor(c, 0);
  const uint32_t rank = (uint32_t)meta(c, 0);
  for (uint32_t d = 0; d < rank; d++) flags[d] = meta(c, 1 + rank + d);
  if (rank == 0 || flags[0] != -1) return HODU_OK;
  const HoduManifestTensor *at = in_tensor(c, 1);
  const int64_t *axes = (const int64_t *)c->ptrs[hodu_manifest_step_input(c->step, 1)];
  const size_t n = numel(at), kept = numel(out_tensor(c, 0)), total = numel(xt);
  const int none = n == 0 && kept == total && total != 1;
  for (uint32_t d = 0; d < rank; d++) flags[d] = n == 0 && !none;
  for (size_t i = 0; i < n; i++) {
    const int64_t a = axes[i] < 0 ? axes[i] + (int64_t)rank : axes[i];
    if (a < 0 || a >= (int64_t)rank) {
      hodu_set_error(err, err_cap, "%s (node '%s'): axis %lld is out of range for rank %u", c->step->kernel, c->step->node,
                     (long long)axes[i], (unsigned)rank);
      return HODU_ERR_INVALID_ARGUMENT;
    }
    flags[a] = 1;
  }
  size_t want = 1;
  for (uint32_t d = 0; d < rank; d++) want *= flags[d] ? 1 : (size_t)dim(xt, d);
  if (want != kept) {
    hodu_set_error(err, err_cap, "%s (node '%s'): the axes input leaves %zu elements, the planned output has %zu",
                   c->step->kernel, c->step->node, want, kept);
    return HODU_ERR_INVALID_ARGUMENT;
  }
  return HODU_OK;
}

static void reduce_shape(const KernelCall *c, const int64_t *flags, ReduceShape *s) {
  const HoduManifestTensor *xt = in_tensor(c, 0);
  uint32_t rank = (uint32_t)meta(c, 0), r = 0;
  /* ReduceMean over H and W of NCHW sums each plane as one run, not W elements at a time (mobilenet.onnx: 8
   * per call, 3.3 µs for 2048). */
  int64_t reduced[64];
  for (uint32_t d = 0; d < rank; d++) {
    const int64_t n = dim(xt, d), red = flags[d] != 0;
    if (n == 1) continue;
    if (r > 0 && reduced[r - 1] == red) s->dims[r - 1] *= n;
    else s->dims[r] = n, reduced[r++] = red;
  }
  s->rank = r;
  int64_t acc_stride = 1;
  for (int64_t d = (int64_t)r - 1; d >= 0; d--) {
    s->ostride[d] = reduced[d] ? 0 : acc_stride;
    if (s->ostride[d]) acc_stride *= s->dims[d];
  }
}

static inline double fold_one(enum Fold f, double a, double v, double m) {
  switch (f) {
  case FOLD_SUM: return a + v;
  case FOLD_ABS: return a + fabs(v);
  case FOLD_SQUARE: return a + v * v;
  case FOLD_PROD: return a * v;
  /* the interp's `v > a ? v : a`: a NaN does not become the max (LogSumExp's sum then sees it) */
  case FOLD_MAX_PLAIN: return v > a ? v : a;
  case FOLD_EXP_LESS_MAX: return isfinite(m) ? a + exp(v - m) : a;
  case FOLD_MAX: return v > a || isnan(v) ? v : a;
  case FOLD_MIN: return v < a || isnan(v) ? v : a;
  }
  return a;
}

/* One pass over X like an odometer: acc[o] = fold(acc[o], x) for every element x of output o's group (`max`,
 * per output, for FOLD_EXP_LESS_MAX only). */
static void reduce_pass(const ReduceShape *s, const float *x, size_t total, enum Fold f, double *acc, const double *max) {
  if (total == 0) return;
  uint32_t rank = s->rank;
  int64_t idx[64] = {0}, off = 0;
  size_t inner = rank ? (size_t)s->dims[rank - 1] : 1;
  int64_t is = rank ? s->ostride[rank - 1] : 0;
  for (size_t i = 0; i < total; i += inner) {
    const float *xs = x + i;
    double *a = acc + off;
    if (is == 0) { /* the innermost axis is reduced: fold the run into one accumulator */
      double v = *a, m = max ? max[off] : 0;
      if (f == FOLD_SUM) v += simd()->sum(xs, inner);
      else if (f == FOLD_MAX) {
        double mx = simd()->max_of(xs, inner); /* NaN if any is; a NaN already in v stays */
        if (!isnan(v) && (mx > v || isnan(mx))) v = mx;
      } else for (size_t j = 0; j < inner; j++) v = fold_one(f, v, xs[j], m);
      *a = v;
    } else if (f == FOLD_SUM) for (size_t j = 0; j < inner; j++) a[j] += xs[j];
    else for (size_t j = 0; j < inner; j++) a[j] = fold_one(f, a[j], xs[j], max ? max[off + (int64_t)j] : 0);
    for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {
      off += s->ostride[d];
      if (++idx[d] < s->dims[d]) break;
      off -= s->ostride[d] * s->dims[d];
      idx[d] = 0;
    }
  }
}

int32_t run_reduce(const KernelCall *c, char *err, size_t err_cap) {
  int64_t flags[64];
  int32_t st = reduced_flags(c, flags, err, err_cap);
  if (st != HODU_OK) return st;
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  size_t kept = numel(out_tensor(c, 0)), total = numel(in_tensor(c, 0)), count = kept ? total / kept : 0;
  double *acc = (double *)c->scratch;
  ReduceShape s;
  reduce_shape(c, flags, &s);
  static const enum Fold folds[] = {
      [OP_REDUCE_SUM] = FOLD_SUM, [OP_REDUCE_MEAN] = FOLD_SUM, [OP_REDUCE_MAX] = FOLD_MAX, [OP_REDUCE_MIN] = FOLD_MIN,
      [OP_REDUCE_PROD] = FOLD_PROD, [OP_REDUCE_L1] = FOLD_ABS, [OP_REDUCE_L2] = FOLD_SQUARE,
      [OP_REDUCE_LOG_SUM] = FOLD_SUM, [OP_REDUCE_LOG_SUM_EXP] = FOLD_MAX_PLAIN, [OP_REDUCE_SUM_SQUARE] = FOLD_SQUARE};
  static const double inits[] = {
      [OP_REDUCE_SUM] = 0, [OP_REDUCE_MEAN] = 0, [OP_REDUCE_MAX] = -INFINITY, [OP_REDUCE_MIN] = INFINITY,
      [OP_REDUCE_PROD] = 1, [OP_REDUCE_L1] = 0, [OP_REDUCE_L2] = 0,
      [OP_REDUCE_LOG_SUM] = 0, [OP_REDUCE_LOG_SUM_EXP] = -INFINITY, [OP_REDUCE_SUM_SQUARE] = 0};
  const int op = c->variant;
  for (size_t o = 0; o < kept; o++) acc[o] = inits[op];
  reduce_pass(&s, x, total, folds[op], acc, NULL);
  if (op == OP_REDUCE_LOG_SUM_EXP) {
    /* log Σ exp(x) as m + log Σ exp(x − m), m the group's max, so exp cannot overflow; a non-finite max is the
     * answer itself (−inf for an empty group or all −inf, +inf if any is). */
    double *sum = acc + kept;
    for (size_t o = 0; o < kept; o++) sum[o] = 0;
    reduce_pass(&s, x, total, FOLD_EXP_LESS_MAX, sum, acc);
    for (size_t o = 0; o < kept; o++) acc[o] = isfinite(acc[o]) ? acc[o] + log(sum[o]) : acc[o];
  }
  for (size_t o = 0; o < kept; o++) {
    double v = acc[o];
    /* Mean of an empty group is NaN (0/0), as numpy.mean and the interp; LogSum of one is log 0 = −inf. */
    if (op == OP_REDUCE_MEAN) v /= (double)count;
    else if (op == OP_REDUCE_L2) v = sqrt(v);
    else if (op == OP_REDUCE_LOG_SUM) v = log(v);
    y[o] = (float)v;
  }
  return HODU_OK;
}
