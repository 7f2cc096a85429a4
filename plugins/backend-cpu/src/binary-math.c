/*
 * Broadcasting float32 ops with rows from simd.h: Pow, Max/Min of one or two inputs (more are refused at
 * create()), PRelu (the slope broadcast to X), Mod with fmod = 1, and the variadic Sum and Mean (up to
 * MAX_OPERANDS inputs, each broadcast). Rows of the output are split between the run's threads.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "simd.h"
#include "threads.h"

#define MAX_OPERANDS 16

/*
 * Metadata. Two-operand ops: [rank, out_dims(rank), a_strides(rank), b_strides(rank)], as Add's (stride 0 =
 * broadcast), Mod with [fmod] after it. Max/Min with one input: none (a copy). Sum, Mean: [rank,
 * out_dims(rank), strides(rank) of each input in turn].
 */
int32_t check_binary_math(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const int op = c->variant;
  const uint32_t n_in = c->step->input_count;
  const int variadic = op == OP_SUM || op == OP_MEAN;
  REQUIRE(n_in >= 1 && n_in <= (variadic ? MAX_OPERANDS : 2), "%u inputs", (unsigned)n_in);
  int32_t s = check_f32_io(c, n_in, err, err_cap);
  if (s != HODU_OK) return s;
  const HoduManifestTensor *y = out_tensor(c, 0);
  for (uint32_t i = 0; i < n_in; i++) REQUIRE_META(in_tensor(c, i));
  if (variadic) {
    int64_t rank = c->step->metadata_count ? meta(c, 0) : -1;
    REQUIRE_META(rank >= 0 && rank <= 64 && y->rank == (uint32_t)rank && c->step->metadata_count == 1 + (uint64_t)rank * (1 + n_in));
    for (uint32_t d = 0; d < (uint32_t)rank; d++) REQUIRE_META(meta(c, 1 + d) == dim(y, d));
    if (numel(y) == 0) return HODU_OK;
    for (uint32_t i = 0; i < n_in; i++) {
      for (uint32_t d = 0; d < (uint32_t)rank; d++) REQUIRE_META(meta(c, 1 + (uint32_t)rank * (1 + i) + d) >= 0);
      REQUIRE_META(broadcast_reach(c, (uint32_t)rank, 1 + (uint32_t)rank * (1 + i)) <= numel(in_tensor(c, i)));
    }
    return HODU_OK;
  }
  if (n_in == 1) {
    REQUIRE(op == OP_MAX || op == OP_MIN, "needs two inputs");
    REQUIRE_META(c->step->metadata_count == 0 && in_tensor(c, 0)->byte_size == y->byte_size);
    return HODU_OK;
  }
  if (op == OP_PRELU) REQUIRE(in_tensor(c, 0)->rank == y->rank && numel(in_tensor(c, 0)) == numel(y), "the slope does not broadcast to X");
  if (op != OP_MOD) return check_broadcast_meta(c, err, err_cap);
  /* Mod: the broadcast layout and one more value, fmod (0, Python's sign rule, is for integers only). */
  REQUIRE_META(c->step->metadata_count >= 1);
  REQUIRE(meta(c, c->step->metadata_count - 1) == 1, "fmod is not 1 (float Mod needs fmod = 1)");
  HoduManifestStep step = *c->step;
  step.metadata_count -= 1;
  KernelCall inner = *c;
  inner.step = &step;
  return check_broadcast_meta(&inner, err, err_cap);
}

/* C's fmod per element, as the interp's % on doubles: exact (a vector a − trunc(a/b)·b is not, once a/b
 * passes 2^24 or rounds up), and Mod is never hot in the models we meet. */
static void row_fmod(const float *a, ptrdiff_t ia, const float *b, ptrdiff_t ib, float *y, size_t n) {
  for (size_t j = 0; j < n; j++) y[j] = fmodf(a[(ptrdiff_t)j * ia], b[(ptrdiff_t)j * ib]);
}

typedef struct Rows {
  int op;
  uint32_t rank, n_in;
  const float *x[MAX_OPERANDS];
  float *y;
  int64_t dims[64], st[MAX_OPERANDS][64];
  size_t inner, total, rows_per_task;
} Rows;

static RowFn row_of(int op) {
  const SimdOps *v = simd();
  switch (op) {
    case OP_MAX: return v->max;
    case OP_MIN: return v->min;
    case OP_PRELU: return v->prelu;
    case OP_MOD: return row_fmod;
    case OP_POW: return v->pow;
    default: return v->add; /* Sum, Mean */
  }
}

/* Output rows [task · rows_per_task, …): the innermost axis is the row function, the outer axes an odometer. */
static void rows_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Rows *g = ctx;
  const uint32_t rank = g->rank, n_in = g->n_in;
  const size_t inner = g->inner, first = (size_t)task * g->rows_per_task * inner;
  const size_t end = first + g->rows_per_task * inner < g->total ? first + g->rows_per_task * inner : g->total;
  int64_t idx[64];
  ptrdiff_t off[MAX_OPERANDS] = {0}, in_row[MAX_OPERANDS];
  size_t row = first / inner;
  for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {
    idx[d] = (int64_t)(row % (size_t)g->dims[d]);
    row /= (size_t)g->dims[d];
    for (uint32_t k = 0; k < n_in; k++) off[k] += (ptrdiff_t)(idx[d] * g->st[k][d]);
  }
  for (uint32_t k = 0; k < n_in; k++) in_row[k] = rank ? (ptrdiff_t)g->st[k][rank - 1] : 0;
  const RowFn fn = row_of(g->op);
  const int variadic = g->op == OP_SUM || g->op == OP_MEAN;
  const float count = (float)n_in;
  for (size_t o = first; o < end; o += inner) {
    float *y = g->y + o;
    if (n_in == 1) {
      for (size_t j = 0; j < inner; j++) y[j] = g->x[0][off[0] + (ptrdiff_t)j * in_row[0]];
    } else {
      fn(g->x[0] + off[0], in_row[0], g->x[1] + off[1], in_row[1], y, inner);
      /* Sum, Mean: the running sum in y, one input at a time, in input order (the interp's order). */
      for (uint32_t k = 2; k < n_in; k++) fn(y, 1, g->x[k] + off[k], in_row[k], y, inner);
    }
    if (variadic && g->op == OP_MEAN) simd()->div(y, 1, &count, 0, y, inner);
    for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {
      for (uint32_t k = 0; k < n_in; k++) off[k] += (ptrdiff_t)g->st[k][d];
      if (++idx[d] < g->dims[d]) break;
      for (uint32_t k = 0; k < n_in; k++) off[k] -= (ptrdiff_t)(g->st[k][d] * g->dims[d]);
      idx[d] = 0;
    }
  }
}

int32_t run_binary_math(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  float *y = out_f32(c, 0);
  const uint32_t n_in = c->step->input_count;
  if (n_in == 1 && (c->variant == OP_MAX || c->variant == OP_MIN)) {
    const float *x = in_f32(c, 0);
    if (x != y) memcpy(y, x, (size_t)out_tensor(c, 0)->byte_size);
    return HODU_OK;
  }
  Rows g;
  g.op = c->variant, g.n_in = n_in, g.y = y, g.rank = (uint32_t)meta(c, 0), g.total = 1;
  for (uint32_t d = 0; d < g.rank; d++) {
    g.dims[d] = meta(c, 1 + d);
    g.total *= (size_t)g.dims[d];
    for (uint32_t k = 0; k < n_in; k++) g.st[k][d] = meta(c, 1 + g.rank * (1 + k) + d);
  }
  for (uint32_t k = 0; k < n_in; k++) g.x[k] = in_f32(c, k);
  if (g.total == 0) return HODU_OK;
  g.inner = g.rank ? (size_t)g.dims[g.rank - 1] : 1;
  /* About 4 tasks per thread of ≥ 16 KiB of output, whole rows each. */
  size_t threads = (size_t)pool_threads(cpu_pool()), least = cpu_min_split(4096);
  size_t chunk = (g.total + 4 * threads - 1) / (4 * threads);
  if (chunk < least) chunk = least;
  g.rows_per_task = (chunk + g.inner - 1) / g.inner;
  size_t rows = g.total / g.inner;
  double ns = (c->variant == OP_POW || c->variant == OP_MOD ? 4.0 : 0.3 * (n_in > 2 ? n_in - 1 : 1)) * (double)(g.rows_per_task * g.inner);
  parallel_for_cost(cpu_pool(), (int64_t)((rows + g.rows_per_task - 1) / g.rows_per_task), ns, rows_task, &g);
  return HODU_OK;
}
