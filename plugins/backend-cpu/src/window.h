/* Sliding-window geometry shared by Conv and the pools: 1-, 2- and 3-D windows seen as 3-D (D, H, W). */
#ifndef CPU_WINDOW_H
#define CPU_WINDOW_H

#include "kernels.h"

typedef struct Window {
  int64_t in[3], out[3], kernel[3], stride[3], pad[3], pad_end[3], dilation[3];
  int64_t batch, channels, out_channels; /* N, C of X and C of Y */
} Window;

/*
 * Reads `[kernel(s), strides(s), pads_begin(s), pads_end(s), dilations(s)]` from metadata index `at`
 * for s spatial dims (1..3; the missing leading dims are 1) and X / Y dims from the tensor table, and
 * checks that Y's spatial extents are what the window gives (with ceil_mode: at most one more, whose
 * window starts inside the input or its begin padding). Returns HODU_OK or refuses.
 */
int32_t read_window(const KernelCall *c, uint32_t s, uint32_t at, Window *w, char *err, size_t err_cap);

static inline int64_t window_taps(const Window *w) { return w->kernel[0] * w->kernel[1] * w->kernel[2]; }
static inline int64_t window_in_size(const Window *w) { return w->in[0] * w->in[1] * w->in[2]; }
static inline int64_t window_out_size(const Window *w) { return w->out[0] * w->out[1] * w->out[2]; }

#endif
