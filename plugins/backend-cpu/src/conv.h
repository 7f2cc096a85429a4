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

/* Along the W axis, the output columns [*lo, *hi) whose tap at offset `off` (stride sw) is inside the row. */
static inline void row_range(const Window *w, int64_t off, int64_t *lo, int64_t *hi) {
  int64_t sw = w->stride[2];
  *lo = off >= 0 ? 0 : (-off + sw - 1) / sw;
  *hi = w->in[2] - off <= 0 ? 0 : (w->in[2] - off + sw - 1) / sw;
  if (*hi > w->out[2]) *hi = w->out[2];
  if (*lo > *hi) *lo = *hi;
}

#endif
