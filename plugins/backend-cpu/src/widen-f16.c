/* float16 storage, float32 compute for kernels without a float16 form: see widen-f16.h. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* the conversion loops (the plugin is built at -O2) */
#endif
#include "widen-f16.h"
#include "alloc.h"
#include <stdlib.h>
#include <string.h>
#include "half.h"
#include "hodu_plugin.h"
#include "threads.h"

struct Widen {
  uint32_t count;              /* tensors */
  HoduManifestTensor *tensors; /* the manifest's, float16 ones as float32 */
  void **ptrs;                 /* per run: the host's pointers, shadows where there are */
  float **shadow;              /* per tensor: its float32 buffer, or NULL */
  uint8_t *weight;             /* per tensor: a weight, its shadow converted once at create */
  /* Per run, per shadowed tensor: the shadow holds its value (float32, unrounded when a widened step wrote it),
   * and the float16 buffer does (rounded from the shadow at the latest when a float16 step or the host reads it). */
  uint8_t *shadow_ok, *half_ok;
  uint8_t *arena;              /* intermediates' shadows, at twice the planner's offsets */
  float **owned;               /* buffers of weights, graph inputs and outputs */
  uint32_t owned_count;
};

void widen_destroy(Widen *w) {
  if (!w) return;
  for (uint32_t i = 0; i < w->owned_count; i++) free(w->owned[i]);
  free(w->owned);
  free(w->tensors);
  free(w->ptrs);
  free(w->shadow);
  free(w->weight);
  free(w->shadow_ok);
  free(w->half_ok);
  free(w->arena);
  free(w);
}

static int is_f16(const HoduManifestTensor *tensors, uint32_t count, int32_t id) {
  return id >= 0 && (uint32_t)id < count && tensors[id].dtype == HODU_DTYPE_FLOAT16;
}

/* Gives tensor `id` a shadow (once); 0 when out of memory. */
static int add_shadow(Widen *w, const HoduManifestTensor *t, int32_t id, const uint8_t *weights) {
  if (w->shadow[id]) return 1;
  size_t n = (size_t)hodu_manifest_tensor_elements(t);
  float *buf;
  if (t->role == HODU_ROLE_INTERMEDIATE) buf = (float *)(void *)(w->arena + 2 * t->offset);
  else {
    if (!(buf = alloc64(n * sizeof(float) + 4))) return 0; /* + 4: never a NULL shadow for 0 elements */
    w->owned[w->owned_count++] = buf;
  }
  if (t->role == HODU_ROLE_WEIGHT) {
    const uint16_t *h = (const uint16_t *)(const void *)(weights + t->offset);
    for (size_t i = 0; i < n; i++) buf[i] = half_to_float(h[i]);
    w->weight[id] = 1; /* converted once, here */
  }
  w->shadow[id] = buf;
  return 1;
}

Widen *widen_create(const HoduManifest *m, const HoduManifestTensor *tensors, void *const *ptrs, const uint8_t *wide,
                    int32_t *status, char *err, size_t err_cap) {
  uint32_t any = 0;
  for (uint32_t i = 0; i < m->step_count; i++) any |= wide[i];
  if (!any) return NULL;
  uint32_t n = m->tensor_count;
  Widen *w = calloc(1, sizeof *w);
  if (w) {
    w->count = n;
    w->tensors = calloc(n + 1, sizeof *w->tensors);
    w->ptrs = calloc(n + 1, sizeof *w->ptrs);
    w->shadow = calloc(n + 1, sizeof *w->shadow);
    w->weight = calloc(n + 1, 1);
    w->shadow_ok = calloc(n + 1, 1);
    w->half_ok = calloc(n + 1, 1);
    w->owned = calloc(n + 1, sizeof *w->owned);
    w->arena = m->arena_size ? alloc64(2 * (size_t)m->arena_size) : NULL;
  }
  int ok = w && w->tensors && w->ptrs && w->shadow && w->weight && w->shadow_ok && w->half_ok && w->owned && (!m->arena_size || w->arena);
  for (uint32_t i = 0; ok && i < n; i++) {
    w->tensors[i] = tensors[i];
    if (tensors[i].dtype == HODU_DTYPE_FLOAT16) w->tensors[i].dtype = HODU_DTYPE_FLOAT32, w->tensors[i].byte_size *= 2;
  }
  for (uint32_t i = 0; ok && i < m->step_count; i++) {
    if (!wide[i]) continue;
    HoduManifestStep s = hodu_manifest_step(m, i);
    for (uint32_t k = 0; ok && k < s.input_count + s.output_count; k++) {
      int32_t id = k >= s.input_count ? hodu_manifest_step_output(&s, k - s.input_count) : hodu_manifest_step_input(&s, k);
      if (is_f16(tensors, n, id)) ok = add_shadow(w, &tensors[id], id, m->weights);
    }
  }
  if (!ok) {
    hodu_set_error(err, err_cap, "out of memory (float32 copies of float16 tensors)");
    *status = HODU_ERR_OUT_OF_MEMORY;
    widen_destroy(w);
    return NULL;
  }
  widen_resolve(w, ptrs);
  return w;
}

const HoduManifestTensor *widen_tensors(const Widen *w) { return w->tensors; }
void *const *widen_ptrs(const Widen *w) { return w->ptrs; }

void widen_resolve(Widen *w, void *const *ptrs) {
  memcpy(w->ptrs, ptrs, w->count * sizeof *w->ptrs);
  for (uint32_t i = 0; i < w->count; i++)
    if (w->shadow[i]) w->ptrs[i] = w->shadow[i];
  /* A run starts with the weights in both forms and the graph inputs in float16; the rest is written by a step. */
  memcpy(w->shadow_ok, w->weight, w->count);
  memset(w->half_ok, 1, w->count);
}

/* One conversion, split in blocks between the pool's threads when it is big enough to pay for them. */
typedef struct Convert {
  uint16_t *half;
  float *f;
  size_t n;
  int round; /* 0: half → float; 1: float → half */
} Convert;

enum { CONVERT_BLOCK = 16384 };

static void convert_block(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Convert *c = ctx;
  size_t lo = (size_t)task * CONVERT_BLOCK, hi = lo + CONVERT_BLOCK < c->n ? lo + CONVERT_BLOCK : c->n;
  if (!c->round) {
    halves_to_floats(c->half + lo, c->f + lo, hi - lo);
    return;
  }
  floats_to_halves(c->f + lo, c->half + lo, hi - lo, 1); /* a NaN as the interp stores a JavaScript NaN */
}

static void convert(uint16_t *half, float *f, size_t n, int round) {
  Convert c = {half, f, n, round};
  int64_t tasks = (int64_t)((n + CONVERT_BLOCK - 1) / CONVERT_BLOCK);
  parallel_for_cost(cpu_pool(), tasks, CONVERT_BLOCK * 0.3, convert_block, &c);
}

static void decode(const Widen *w, int32_t id, void *const *ptrs) {
  if (w->shadow_ok[id]) return;
  convert(ptrs[id], w->shadow[id], (size_t)hodu_manifest_tensor_elements(&w->tensors[id]), 0);
  w->shadow_ok[id] = 1;
}

static void narrow(const Widen *w, int32_t id, void *const *ptrs) {
  if (w->half_ok[id]) return;
  convert(ptrs[id], w->shadow[id], (size_t)hodu_manifest_tensor_elements(&w->tensors[id]), 1);
  w->half_ok[id] = 1;
}

void widen_before(const Widen *w, const HoduManifestStep *s, void *const *ptrs, int wide) {
  for (uint32_t k = 0; k < s->input_count; k++) {
    int32_t id = hodu_manifest_step_input(s, k);
    if (id < 0 || !w->shadow[id]) continue;
    if (wide) decode(w, id, ptrs);
    else narrow(w, id, ptrs);
  }
}

void widen_read(const Widen *w, int32_t id, void *const *ptrs) {
  if (id >= 0 && (uint32_t)id < w->count && w->shadow[id]) decode(w, id, ptrs);
}

void widen_wrote(const Widen *w, int32_t id, int wide) {
  if (id < 0 || !w->shadow[id]) return;
  w->shadow_ok[id] = (uint8_t)wide;
  w->half_ok[id] = (uint8_t)!wide;
}

void widen_after(const Widen *w, const HoduManifestStep *s, int wide) {
  for (uint32_t k = 0; k < s->output_count; k++) widen_wrote(w, hodu_manifest_step_output(s, k), wide);
}

void widen_finish(const Widen *w, void *const *ptrs) {
  for (uint32_t i = 0; i < w->count; i++)
    if (w->shadow[i] && w->tensors[i].role == HODU_ROLE_OUTPUT) narrow(w, (int32_t)i, ptrs);
}
