/*
 * Elementwise float32 kernels: Add/Sub/Mul/Div with numpy broadcasting, Relu/Sigmoid/Tanh/HardSwish/Erf, Clip,
 * copies. The loops themselves are simd.h's, compiled per ISA and picked at run time.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "simd.h"
#include "threads.h"

/* Ops are cut into about 4 chunks per thread of at least 16 KiB of output (4096 floats), and split
 * between the run's threads when parallel_for_cost finds them worth it (NS_PER_FLOAT: time per output). */
#define CHUNK_FLOATS 4096
#define NS_PER_FLOAT(cheap) ((cheap) ? 0.3 : 4.0)
static int64_t chunks(size_t n, size_t chunk) { return (int64_t)((n + chunk - 1) / chunk); }
static size_t chunk_for(size_t n) {
  size_t least = cpu_min_split(CHUNK_FLOATS), quarter = (n + 4 * pool_threads(cpu_pool()) - 1) / (4 * pool_threads(cpu_pool()));
  return quarter > least ? quarter : least;
}

/* Metadata: [rank, out_dims(rank), a_strides(rank), b_strides(rank)]; stride 0 = broadcast along that axis. */
int32_t check_binary(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_f32_io(c, 2, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(c->step->input_count == 2);
  return check_broadcast_meta(c, err, err_cap);
}

static RowFn binary_fn(int op) {
  const SimdOps *v = simd();
  return op == OP_ADD ? v->add : op == OP_SUB ? v->sub : op == OP_MUL ? v->mul : v->div;
}

typedef struct Binary {
  const KernelCall *c;
  uint32_t rank;
  const float *a, *b;
  float *y;
  const int64_t *dims, *sa, *sb;
  size_t inner, total, rows_per_task;
} Binary;

/* The innermost axis is one tight loop; the outer axes step like an odometer, from this task's first row. */
static void binary_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Binary *g = ctx;
  const uint32_t rank = g->rank;
  const int64_t *dims = g->dims, *sa = g->sa, *sb = g->sb;
  const float *a = g->a, *b = g->b;
  float *y = g->y;
  const size_t inner = g->inner, first = (size_t)task * g->rows_per_task * inner;
  const size_t end = first + g->rows_per_task * inner < g->total ? first + g->rows_per_task * inner : g->total;
  int64_t idx[64];
  ptrdiff_t ao = 0, bo = 0;
  size_t row = first / inner;
  for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {
    idx[d] = (int64_t)(row % (size_t)dims[d]);
    row /= (size_t)dims[d];
    ao += (ptrdiff_t)(idx[d] * sa[d]);
    bo += (ptrdiff_t)(idx[d] * sb[d]);
  }
  ptrdiff_t ia = rank ? (ptrdiff_t)sa[rank - 1] : 0, ib = rank ? (ptrdiff_t)sb[rank - 1] : 0;
  const RowFn fn = binary_fn(g->c->variant);
  for (size_t o = first; o < end; o += inner) {
    fn(a + ao, ia, b + bo, ib, y + o, inner);
    broadcast_next_row(rank, dims, sa, sb, idx, &ao, &bo);
  }
}

int32_t run_binary(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  uint32_t rank = (uint32_t)meta(c, 0);
  int64_t dims[64], sa[64], sb[64];
  size_t total = 1;
  for (uint32_t d = 0; d < rank; d++) {
    dims[d] = meta(c, 1 + d);
    sa[d] = meta(c, 1 + rank + d);
    sb[d] = meta(c, 1 + 2 * rank + d);
    total *= (size_t)dims[d];
  }
  if (total == 0) return HODU_OK;
  size_t inner = rank ? (size_t)dims[rank - 1] : 1, rows = total / inner;
  size_t rows_per_task = (chunk_for(total) + inner - 1) / inner;
  Binary g = {c, rank, in_f32(c, 0), in_f32(c, 1), out_f32(c, 0), dims, sa, sb, inner, total, rows_per_task};
  parallel_for_cost(cpu_pool(), (int64_t)((rows + rows_per_task - 1) / rows_per_task), NS_PER_FLOAT(1) * (double)(rows_per_task * inner), binary_task, &g);
  return HODU_OK;
}

/* Same element count in and out (Relu, Sigmoid, Tanh, Clip, the copies). */
static int32_t check_same_size(const KernelCall *c, uint32_t max_inputs, char *err, size_t err_cap) {
  int32_t s = check_f32_io(c, max_inputs, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(in_tensor(c, 0) && in_tensor(c, 0)->byte_size == out_tensor(c, 0)->byte_size);
  return HODU_OK;
}

int32_t check_unary(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  return check_same_size(c, 1, err, err_cap);
}

/* A chunk of an elementwise op: elements [task · chunk, …) of x into y. */
typedef struct Chunked {
  const KernelCall *c;
  const float *x;
  float *y;
  size_t n, chunk;
  float lo, hi; /* Clip's bounds */
} Chunked;

static void unary_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Chunked *g = ctx;
  const size_t first = (size_t)task * g->chunk;
  const float *x = g->x + first;
  float *y = g->y + first;
  size_t n = g->n - first < g->chunk ? g->n - first : g->chunk;
  const SimdOps *v = simd();
  switch (g->c->variant) {
    case OP_RELU: v->relu(x, y, n); break;
    case OP_SIGMOID: v->sigmoid(x, y, n); break;
    case OP_TANH: v->tanh(x, y, n); break;
    case OP_ERF: v->erf(x, y, n); break;
    default: v->hard_swish(x, y, n); break;
  }
}

int32_t run_unary(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  Chunked g = {c, in_f32(c, 0), out_f32(c, 0), numel(out_tensor(c, 0)), chunk_for(numel(out_tensor(c, 0))), 0.0f, 0.0f};
  parallel_for_cost(cpu_pool(), chunks(g.n, g.chunk), NS_PER_FLOAT(c->variant == OP_RELU) * (double)g.chunk, unary_task, &g);
  return HODU_OK;
}

/* Metadata: [min_bits, max_bits] (the attributes before opset 11, else ±inf); inputs 1, 2 override them. */
int32_t check_clip(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_same_size(c, 3, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(c->step->metadata_count == 2);
  for (uint32_t i = 1; i < c->step->input_count; i++)
    REQUIRE(!in_tensor(c, i) || numel(in_tensor(c, i)) == 1, "bound %u is not a scalar", (unsigned)i);
  return HODU_OK;
}

static void clip_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Chunked *g = ctx;
  const size_t first = (size_t)task * g->chunk;
  const float *x = g->x + first, lo = g->lo, hi = g->hi;
  float *y = g->y + first;
  size_t n = g->n - first < g->chunk ? g->n - first : g->chunk;
  simd()->clip(x, y, n, lo, hi);
}

int32_t run_clip(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const float *lo_t = in_f32(c, 1), *hi_t = in_f32(c, 2);
  Chunked g = {c, in_f32(c, 0), out_f32(c, 0), numel(out_tensor(c, 0)), chunk_for(numel(out_tensor(c, 0))),
               lo_t ? lo_t[0] : meta_f(c, 0), hi_t ? hi_t[0] : meta_f(c, 1)};
  parallel_for_cost(cpu_pool(), chunks(g.n, g.chunk), NS_PER_FLOAT(1) * (double)g.chunk, clip_task, &g);
  return HODU_OK;
}

/* Identity, Reshape, Flatten, Squeeze, Unsqueeze: the bytes do not change, only the dims in the table. */
int32_t check_copy(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  /* Input 1 (Reshape's shape, Squeeze's axes) is int64 and not read: check only the data input. */
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE(x && y && x->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_FLOAT32, "data is not float32");
  REQUIRE_META(x->byte_size == y->byte_size);
  return HODU_OK;
}

int32_t run_copy(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const void *x = in_f32(c, 0);
  void *y = out_f32(c, 0);
  if (x != y) memcpy(y, x, (size_t)out_tensor(c, 0)->byte_size);
  return HODU_OK;
}
