/*
 * DepthToSpace (opsets 1, 11, 13; modes DCR and CRD) and SpaceToDepth (1, 13) of [N, C, H, W] data, any
 * element size of 1, 2, 4 or 8 bytes: pure data movement, as the interp's permuted views.
 * DepthToSpace: Y[n, c, h·b + i, w·b + j] = X[n, ch, h, w] with ch = (i·b + j)·C/b² + c (DCR) or
 * c·b² + i·b + j (CRD); SpaceToDepth: Y[n, (i·b + j)·C + c, h, w] = X[n, c, h·b + i, w·b + j].
 * Metadata [blocksize, mode] (mode 0 DCR, 1 CRD; SpaceToDepth has no mode). Output planes are split between
 * threads (super-resolution heads move megabytes here).
 */
#include <string.h>
#include "kernels.h"
#include "threads.h"

int32_t check_depth_to_space(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE(c->step->input_count == 1 && x && y && x->dtype == y->dtype, "takes one input of the output's dtype");
  size_t es = hodu_dtype_size(x->dtype);
  REQUIRE(es == 1 || es == 2 || es == 4 || es == 8, "element size %zu", es);
  const int to_space = c->variant == OP_DEPTH_TO_SPACE;
  REQUIRE_META(c->step->metadata_count == (to_space ? 2u : 1u) && x->rank == 4 && y->rank == 4);
  int64_t b = meta(c, 0);
  REQUIRE_META(b >= 1 && (!to_space || meta(c, 1) == 0 || meta(c, 1) == 1));
  if (to_space) REQUIRE_META(dim(x, 1) % (b * b) == 0 && dim(y, 1) == dim(x, 1) / (b * b) && dim(y, 2) == dim(x, 2) * b && dim(y, 3) == dim(x, 3) * b);
  else REQUIRE_META(dim(x, 2) % b == 0 && dim(x, 3) % b == 0 && dim(y, 1) == dim(x, 1) * b * b && dim(y, 2) == dim(x, 2) / b && dim(y, 3) == dim(x, 3) / b);
  REQUIRE_META(dim(y, 0) == dim(x, 0));
  return HODU_OK;
}

typedef struct Move {
  const uint8_t *x;
  uint8_t *y;
  int64_t b, crd, c, h, w; /* c, h, w: the [N, C, H, W] of the depth side (DepthToSpace's X, SpaceToDepth's Y) */
  size_t es;
  int to_space;
} Move;

static inline void put(uint8_t *dst, const uint8_t *src, size_t es) {
  switch (es) {
  case 1: *dst = *src; break;
  case 2: memcpy(dst, src, 2); break;
  case 4: memcpy(dst, src, 4); break;
  default: memcpy(dst, src, 8); break;
  }
}

/* One task: the depth side's channel `ch` of image n (task = n·C + ch), one plane of H×W moved to or from its
 * spot in the space side: (i, j) the offset in the b×b block this channel holds, c2 its channel there. */
static void move_plane(void *arg, int64_t task, int tid) {
  (void)tid;
  const Move *m = arg;
  const int64_t b = m->b, C = m->c, H = m->h, W = m->w, n = task / C, ch = task % C, C2 = C / (b * b);
  int64_t i, j, c2;
  if (m->to_space && m->crd) c2 = ch / (b * b), i = ch % (b * b) / b, j = ch % b;
  else c2 = ch % C2, i = ch / C2 / b, j = ch / C2 % b;
  const size_t es = m->es;
  /* depth plane (n, ch) [H, W]; space plane (n, c2) [H·b, W·b], its element (h·b + i, w·b + j) */
  const size_t depth = (size_t)(n * C + ch) * (size_t)(H * W), space = (size_t)(n * C2 + c2) * (size_t)(H * b * W * b);
  for (int64_t h = 0; h < H; h++) {
    const size_t drow = depth + (size_t)(h * W), srow = space + (size_t)((h * b + i) * W * b + j);
    if (m->to_space)
      for (int64_t w = 0; w < W; w++) put(m->y + (srow + (size_t)(w * b)) * es, m->x + (drow + (size_t)w) * es, es);
    else
      for (int64_t w = 0; w < W; w++) put(m->y + (drow + (size_t)w) * es, m->x + (srow + (size_t)(w * b)) * es, es);
  }
}

int32_t run_depth_to_space(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *xt = in_tensor(c, 0);
  const int to_space = c->variant == OP_DEPTH_TO_SPACE;
  const HoduManifestTensor *depth = to_space ? xt : out_tensor(c, 0);
  Move m = {.x = c->ptrs[hodu_manifest_step_input(c->step, 0)], .y = c->ptrs[hodu_manifest_step_output(c->step, 0)],
            .b = meta(c, 0), .crd = to_space && meta(c, 1) == 1, .c = dim(depth, 1), .h = dim(depth, 2),
            .w = dim(depth, 3), .es = hodu_dtype_size(xt->dtype), .to_space = to_space};
  const int64_t planes = dim(depth, 0) * m.c;
  if (planes == 0 || m.h * m.w == 0) return HODU_OK;
  /* ~0.5 ns an element moved (a strided store or load each) */
  parallel_for_cost(cpu_pool(), planes, 0.5 * (double)(m.h * m.w), move_plane, &m);
  return HODU_OK;
}
