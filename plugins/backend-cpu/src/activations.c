/*
 * Float32 activations with attributes or a transcendental core: HardSigmoid, Elu, Selu, Celu, Softplus, Mish,
 * Gelu (same shape in and out), on simd.h's vector paths. The variant is an ActivationOp; metadata as docs/dispatch-manifest.md says:
 * HardSigmoid [alpha, beta], Elu/Celu [alpha], Selu [alpha, gamma], Gelu [approximate: 0 none, 1 tanh],
 * Softplus and Mish none. Large tensors are split between the run's threads by chunks.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <stdio.h>
#include "kernels.h"
#include "simd.h"
#include "threads.h"

static uint32_t meta_count_of(int op) {
  switch (op) {
    case OP_HARD_SIGMOID: case OP_SELU: return 2;
    case OP_ELU: case OP_CELU: case OP_GELU: return 1;
    default: return 0;
  }
}

int32_t check_activation(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t s = check_f32_io(c, 1, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(in_tensor(c, 0) && in_tensor(c, 0)->byte_size == out_tensor(c, 0)->byte_size);
  REQUIRE_META(c->step->metadata_count == meta_count_of(c->variant));
  if (c->variant == OP_GELU) REQUIRE(meta(c, 0) == 0 || meta(c, 0) == 1, "approximate is neither 'none' nor 'tanh'");
  if (c->variant == OP_CELU) REQUIRE(meta_f(c, 0) != 0.0f, "alpha is 0");
  return HODU_OK;
}

typedef struct Activation {
  int op;
  const float *x;
  float *y;
  size_t n, chunk;
  float a, b;
} Activation;

static void activation_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Activation *g = ctx;
  const SimdOps *v = simd();
  const size_t first = (size_t)task * g->chunk;
  const size_t n = g->n - first < g->chunk ? g->n - first : g->chunk;
  const float *x = g->x + first, a = g->a, b = g->b;
  float *y = g->y + first;
  switch (g->op) {
    /* min(max(a·x + b, 0), 1), NaN kept, in two passes over the chunk (still in cache). */
    case OP_HARD_SIGMOID: v->affine(x, y, n, 0.0f, a, b), v->clip(y, y, n, 0.0f, 1.0f); break;
    /* The vector expm1 keeps the precision near 0, as the interp's Math.expm1 does. */
    case OP_ELU: v->elu(x, y, n, a, 1.0f, 1.0f); break;
    case OP_SELU: v->elu(x, y, n, a, b, 1.0f); break;
    /* max(0, x) + min(0, a·expm1(x/a)) is x for x > 0 and a·expm1(x/a) otherwise, whatever a's sign. */
    case OP_CELU: v->elu(x, y, n, a, 1.0f, a); break;
    case OP_SOFTPLUS: v->softplus(x, y, n); break;
    case OP_MISH: v->mish(x, y, n); break;
    default:
      /* The erf form on the vector erf (kernel-check bounds its error), no libm call per element. */
      if (a == 0.0f) v->gelu_erf(x, y, n);
      else v->gelu_tanh(x, y, n);
      break;
  }
}

int32_t run_activation(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  size_t n = numel(out_tensor(c, 0)), chunk = cpu_min_split(16384);
  if (n < 4 * chunk) chunk = n ? n : 1;
  uint32_t m = c->step->metadata_count;
  Activation g = {c->variant, in_f32(c, 0), out_f32(c, 0), n, chunk, m > 0 ? meta_f(c, 0) : 0.0f, m > 1 ? meta_f(c, 1) : 0.0f};
  if (c->variant == OP_GELU) g.a = (float)meta(c, 0);
  /* Per element: HardSigmoid a clamp (~0.3 ns), the others a vector exp/erf/log (~1.5 ns). */
  const double ns = c->variant == OP_HARD_SIGMOID ? 0.3 : 1.5;
  parallel_for_cost(cpu_pool(), (int64_t)((n + chunk - 1) / chunk), ns * (double)chunk, activation_task, &g);
  return HODU_OK;
}
