/* What conv.c shares with conv-depthwise.c. */
#ifndef CPU_CONV_H
#define CPU_CONV_H

#include "fuse.h"
#include "window.h"

/*
 * A conv with one input channel per group and a small channel multiplier (depthwise), computed directly:
 * y = post-ops(bias + Σ taps W · X shifted) for every image and output channel, split between the run's threads.
 */
void conv_depthwise(const float *x, const float *wt, const float *bias, float *y, const Window *w, const Fused *f);

/*
 * A conv of few output positions (≤ 8 per image) as dot products of each filter with each window, the
 * windows laid out in `cols` (P × C/group·taps floats) first.
 */
void conv_dot(const float *x, const float *wt, const float *bias, float *y, const Window *w, int64_t group,
              const Fused *f, float *cols);

/*
 * A 2-D conv with unit strides computed directly from a padded copy of X (conv-direct.c), on AVX-512 and
 * AVX2. fits: whether this path takes the conv (`spatial` = 2 for 2-D); packed: the weights in its layout
 * (packed_floats, written by pack at create when constant, else per run in the scratch); scratch_floats: the
 * scratch a run needs with `threads` threads.
 */
int conv_direct_fits(const Window *w, int64_t group, uint32_t spatial);
size_t conv_direct_packed_floats(const Window *w, int64_t group);
void conv_direct_pack(const float *wt, const Window *w, int64_t group, float *dst);
size_t conv_direct_scratch_floats(const Window *w, int64_t group, int threads);
void conv_direct(const float *x, const float *packed, const float *wt, const float *bias, float *y, const Window *w,
                 int64_t group, const Fused *f, float *scratch);
/* Depthwise (one input channel per group) on the same padded bands; weights read in place. */
int conv_direct_depthwise_fits(const Window *w, uint32_t spatial);
size_t conv_direct_depthwise_scratch_floats(const Window *w, int threads);
void conv_direct_depthwise(const float *x, const float *wt, const float *bias, float *y, const Window *w, const Fused *f,
                           float *scratch);

/* Along the W axis, the output columns [*lo, *hi) whose tap at offset `off` (stride sw) is inside the row. */
static inline void row_range(const Window *w, int64_t off, int64_t *lo, int64_t *hi) {
  int64_t sw = w->stride[2];
  *lo = off >= 0 ? 0 : (-off + sw - 1) / sw;
  *hi = w->in[2] - off <= 0 ? 0 : (w->in[2] - off + sw - 1) / sw;
  if (*hi > w->out[2]) *hi = w->out[2];
  if (*lo > *hi) *lo = *hi;
}

#endif
