#include <stdio.h>
#include "window.h"

int32_t read_window(const KernelCall *c, uint32_t s, uint32_t at, Window *w, char *err, size_t err_cap) {
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE(s >= 1 && s <= 3, "%u spatial dims (backend-cpu handles 1 to 3)", (unsigned)s);
  REQUIRE_META(c->step->metadata_count >= at + 5 * s && x->rank == s + 2 && y->rank == s + 2);
  w->batch = dim(x, 0);
  w->channels = dim(x, 1);
  w->out_channels = dim(y, 1);
  REQUIRE_META(dim(y, 0) == w->batch);
  for (uint32_t d = 0; d < 3; d++) {
    w->in[d] = w->out[d] = w->kernel[d] = w->stride[d] = w->dilation[d] = 1;
    w->pad[d] = w->pad_end[d] = 0;
  }
  for (uint32_t i = 0; i < s; i++) {
    uint32_t d = 3 - s + i;
    w->in[d] = dim(x, 2 + i);
    w->out[d] = dim(y, 2 + i);
    w->kernel[d] = meta(c, at + i);
    w->stride[d] = meta(c, at + s + i);
    w->pad[d] = meta(c, at + 2 * s + i);
    w->pad_end[d] = meta(c, at + 3 * s + i);
    w->dilation[d] = meta(c, at + 4 * s + i);
    REQUIRE_META(w->kernel[d] >= 1 && w->stride[d] >= 1 && w->dilation[d] >= 1 && w->pad[d] >= 0 && w->pad_end[d] >= 0);
    int64_t room = w->in[d] + w->pad[d] + w->pad_end[d] - ((w->kernel[d] - 1) * w->dilation[d] + 1);
    int64_t floor_out = room < 0 ? 0 : room / w->stride[d] + 1;
    int ceil_extra = w->out[d] == floor_out + 1 && (w->out[d] - 1) * w->stride[d] < w->in[d] + w->pad[d];
    REQUIRE_META(w->out[d] == floor_out || ceil_extra);
  }
  return HODU_OK;
}
