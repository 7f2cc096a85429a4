/* MaxPool, AveragePool (1-3 spatial dims, pads, strides, dilations, ceil_mode through Y's dims) and GlobalAveragePool. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include "window.h"

/* Metadata: [s, kernel(s), strides(s), pads_begin(s), pads_end(s), dilations(s), flag] (flag: MaxPool's
 * storage_order, which only matters for the Indices output this backend does not offer; AveragePool's
 * count_include_pad). */
static int32_t check_pool(const KernelCall *c, char *err, size_t err_cap) {
  int32_t st = check_f32_io(c, 1, err, err_cap);
  if (st != HODU_OK) return st;
  REQUIRE_META(c->step->metadata_count >= 1);
  uint32_t s = (uint32_t)meta(c, 0);
  Window w;
  st = read_window(c, s, 1, &w, err, err_cap);
  if (st != HODU_OK) return st;
  REQUIRE_META(c->step->metadata_count == 2 + 5 * s && w.out_channels == w.channels);
  return HODU_OK;
}

int32_t check_max_pool(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  return check_pool(c, err, err_cap);
}
int32_t check_average_pool(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  return check_pool(c, err, err_cap);
}

/* Visits the in-range taps of each output position; `padded` counts taps inside input + explicit pads. */
static void pool(const KernelCall *c, int is_max, char *err, size_t err_cap) {
  uint32_t s = (uint32_t)meta(c, 0);
  int include_pad = (int)meta(c, 1 + 5 * s);
  Window w;
  read_window(c, s, 1, &w, err, err_cap);
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  const int64_t planes = w.batch * w.channels, in_size = window_in_size(&w);
  for (int64_t pl = 0; pl < planes; pl++) {
    const float *xp = x + pl * in_size;
    for (int64_t od = 0; od < w.out[0]; od++)
      for (int64_t oh = 0; oh < w.out[1]; oh++)
        for (int64_t ow = 0; ow < w.out[2]; ow++) {
          int64_t o[3] = {od, oh, ow}, start[3];
          int64_t padded = 1;
          for (int d = 0; d < 3; d++) {
            start[d] = o[d] * w.stride[d] - w.pad[d];
            int64_t inpad = 0;
            for (int64_t k = 0; k < w.kernel[d]; k++) {
              int64_t i = start[d] + k * w.dilation[d];
              inpad += i >= -w.pad[d] && i < w.in[d] + w.pad_end[d];
            }
            padded *= inpad;
          }
          float best = -FLT_MAX;
          int any = 0;
          double sum = 0;
          int64_t count = 0;
          for (int64_t kd = 0; kd < w.kernel[0]; kd++) {
            int64_t id = start[0] + kd * w.dilation[0];
            if (id < 0 || id >= w.in[0]) continue;
            for (int64_t kh = 0; kh < w.kernel[1]; kh++) {
              int64_t ih = start[1] + kh * w.dilation[1];
              if (ih < 0 || ih >= w.in[1]) continue;
              const float *row = xp + (id * w.in[1] + ih) * w.in[2];
              for (int64_t kw = 0; kw < w.kernel[2]; kw++) {
                int64_t iw = start[2] + kw * w.dilation[2];
                if (iw < 0 || iw >= w.in[2]) continue;
                float v = row[iw];
                if (!any || v > best) best = v;
                any = 1;
                sum += v;
                count++;
              }
            }
          }
          int64_t div = include_pad ? padded : count;
          *y++ = is_max ? (any ? best : -INFINITY) : (div > 0 ? (float)(sum / (double)div) : 0.0f);
        }
  }
}

int32_t run_max_pool(const KernelCall *c, char *err, size_t err_cap) {
  pool(c, 1, err, err_cap);
  return HODU_OK;
}
int32_t run_average_pool(const KernelCall *c, char *err, size_t err_cap) {
  pool(c, 0, err, err_cap);
  return HODU_OK;
}

/* No metadata: Y[n, c] = mean of X[n, c, ...]. */
int32_t check_global_average_pool(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t st = check_f32_io(c, 1, err, err_cap);
  if (st != HODU_OK) return st;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x->rank >= 2 && y->rank == x->rank && dim(y, 0) == dim(x, 0) && dim(y, 1) == dim(x, 1) &&
               numel(y) == (uint64_t)(dim(x, 0) * dim(x, 1)));
  return HODU_OK;
}

int32_t run_global_average_pool(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *xt = in_tensor(c, 0);
  size_t planes = numel(out_tensor(c, 0)), size = planes ? numel(xt) / planes : 0;
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  for (size_t p = 0; p < planes; p++) {
    double sum = 0;
    for (size_t i = 0; i < size; i++) sum += x[p * size + i];
    y[p] = (float)(sum / (double)size); /* 0/0 = NaN for an empty plane, as the interp */
  }
  return HODU_OK;
}
