/*
 * Elementwise float32 maps (same shape in and out), through simd.h: Sqrt, Exp, Log, Neg, Abs, LeakyRelu, and
 * the UnaryExtOp maps (variant OP_UNARY_EXT + UX_*): Sin … Atanh (simd-trig.h), Ceil, Floor, Round (halves to
 * even), Reciprocal, Sign, Softsign, ThresholdedRelu, Shrink. Large tensors are split between the run's threads
 * in chunks (every element computed the same way whatever the split).
 */
#include <stdio.h>
#include "kernels.h"
#include "simd.h"
#include "threads.h"

/* Metadata: LeakyRelu's and ThresholdedRelu's [alpha_bits], Shrink's [bias_bits, lambd_bits], else none. */
static uint32_t meta_count_of(int variant) {
  if (variant == OP_LEAKY_RELU || variant == OP_UNARY_EXT + UX_THRESHOLDED_RELU) return 1;
  return variant == OP_UNARY_EXT + UX_SHRINK ? 2 : 0;
}

int32_t check_unary_math(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_f32_io(c, 1, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(in_tensor(c, 0) && in_tensor(c, 0)->byte_size == out_tensor(c, 0)->byte_size);
  REQUIRE_META(c->step->metadata_count == meta_count_of(c->variant));
  return HODU_OK;
}

typedef struct UnaryMath {
  int op;
  const float *x;
  float *y;
  size_t n, chunk;
  float p, q;
} UnaryMath;

static void unary_math_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const UnaryMath *g = ctx;
  const size_t first = (size_t)task * g->chunk;
  const size_t n = g->n - first < g->chunk ? g->n - first : g->chunk;
  const float *x = g->x + first;
  float *y = g->y + first;
  const SimdOps *v = simd();
  switch (g->op) {
    case OP_SQRT: v->sqrt(x, y, n); break;
    case OP_EXP: v->exp(x, y, n); break;
    case OP_LOG: v->log(x, y, n); break;
    case OP_NEG: v->neg(x, y, n); break;
    case OP_ABS: v->abs(x, y, n); break;
    case OP_LEAKY_RELU: v->leaky_relu(x, y, n, g->p); break;
    default: v->map_ext(g->op - OP_UNARY_EXT, x, y, n, g->p, g->q); break;
  }
}

/* About 4 chunks per thread of ≥ 16 KiB; ~0.3 ns an element for the cheap maps, ~3 for the transcendental. */
int32_t run_unary_math(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  size_t n = numel(out_tensor(c, 0));
  if (n == 0) return HODU_OK;
  size_t least = cpu_min_split(4096), threads = (size_t)pool_threads(cpu_pool());
  size_t chunk = (n + 4 * threads - 1) / (4 * threads);
  if (chunk < least) chunk = least;
  uint32_t m = c->step->metadata_count;
  UnaryMath g = {c->variant, in_f32(c, 0), out_f32(c, 0), n, chunk, m > 0 ? meta_f(c, 0) : 0.0f, m > 1 ? meta_f(c, 1) : 0.0f};
  int ext = c->variant - OP_UNARY_EXT;
  int cheap = c->variant == OP_NEG || c->variant == OP_ABS || c->variant == OP_LEAKY_RELU || ext >= UX_CEIL;
  parallel_for_cost(cpu_pool(), (int64_t)((n + chunk - 1) / chunk), (cheap ? 0.3 : 3.0) * (double)chunk, unary_math_task, &g);
  return HODU_OK;
}
