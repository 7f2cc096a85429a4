/*
 * Conv (1-3 spatial dims, groups, strides, dilations, pads): im2col into the scratch, then one sgemm per
 * image and group: Y[g] (M/g × P) = W[g] (M/g × C/g·taps) · cols (C/g·taps × P). A 1×1 stride-1 unpadded
 * conv needs no columns: X itself is the right-hand matrix. The bias is written first (sgemm with beta 1).
 * A conv with one input channel per group (depthwise) runs directly: a GEMM of one row would waste the tile.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the depthwise row loop (the plugin is built at -O2) */
#endif
#include <stdio.h>
#include <string.h>
#include "sgemm.h"
#include "window.h"

static int is_pointwise(const Window *w) {
  for (int d = 0; d < 3; d++)
    if (w->kernel[d] != 1 || w->stride[d] != 1 || w->pad[d] != 0 || w->pad_end[d] != 0) return 0;
  return 1;
}

/* Metadata: [s, group, kernel(s), strides(s), pads_begin(s), pads_end(s), dilations(s)]. */
int32_t check_conv(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  int32_t st = check_f32_io(c, 3, err, err_cap);
  if (st != HODU_OK) return st;
  REQUIRE_META(c->step->input_count >= 2 && c->step->metadata_count >= 2);
  uint32_t s = (uint32_t)meta(c, 0);
  int64_t group = meta(c, 1);
  Window w;
  st = read_window(c, s, 2, &w, err, err_cap);
  if (st != HODU_OK) return st;
  REQUIRE_META(c->step->metadata_count == 2 + 5 * s && group >= 1);
  const HoduManifestTensor *wt = in_tensor(c, 1), *b = in_tensor(c, 2);
  REQUIRE_META(w.channels % group == 0 && w.out_channels % group == 0 && wt->rank == s + 2 &&
               dim(wt, 0) == w.out_channels && dim(wt, 1) == w.channels / group);
  for (uint32_t i = 0; i < s; i++) REQUIRE_META(dim(wt, 2 + i) == w.kernel[3 - s + i]);
  REQUIRE_META(!b || numel(b) == (uint64_t)w.out_channels);
  int direct = w.channels == group || is_pointwise(&w);
  size_t cols = direct ? 0 : (size_t)(w.channels / group * window_taps(&w) * window_out_size(&w));
  *scratch = sgemm_workspace_floats() + cols;
  return HODU_OK;
}

/* Along the W axis, the output columns [*lo, *hi) whose tap at offset `off` (stride sw) is inside the row. */
static void row_range(const Window *w, int64_t off, int64_t *lo, int64_t *hi) {
  int64_t sw = w->stride[2];
  *lo = off >= 0 ? 0 : (-off + sw - 1) / sw;
  *hi = w->in[2] - off <= 0 ? 0 : (w->in[2] - off + sw - 1) / sw;
  if (*hi > w->out[2]) *hi = w->out[2];
  if (*lo > *hi) *lo = *hi;
}

/* Y[m] = bias[m] + Σ taps W[m, t] · X[c] shifted, for one input channel c per group (m / (M/C) = c). */
static void depthwise(const float *x, const float *wt, const float *bias, float *y, const Window *w) {
  const int64_t P = window_out_size(w), in_size = window_in_size(w), taps = window_taps(w);
  const int64_t per = w->out_channels / w->channels;
  for (int64_t n = 0; n < w->batch; n++)
    for (int64_t m = 0; m < w->out_channels; m++) {
      float *ym = y + (n * w->out_channels + m) * P;
      const float *xc = x + (n * w->channels + m / per) * in_size, *wm = wt + m * taps;
      float b = bias ? bias[m] : 0.0f;
      for (int64_t p = 0; p < P; p++) ym[p] = b;
      for (int64_t kd = 0; kd < w->kernel[0]; kd++)
        for (int64_t kh = 0; kh < w->kernel[1]; kh++)
          for (int64_t kw = 0; kw < w->kernel[2]; kw++) {
            const float wv = wm[(kd * w->kernel[1] + kh) * w->kernel[2] + kw];
            int64_t off = kw * w->dilation[2] - w->pad[2], sw = w->stride[2], lo, hi;
            row_range(w, off, &lo, &hi);
            for (int64_t od = 0; od < w->out[0]; od++) {
              int64_t id = od * w->stride[0] - w->pad[0] + kd * w->dilation[0];
              if (id < 0 || id >= w->in[0]) continue;
              for (int64_t oh = 0; oh < w->out[1]; oh++) {
                int64_t ih = oh * w->stride[1] - w->pad[1] + kh * w->dilation[1];
                if (ih < 0 || ih >= w->in[1]) continue;
                const float *xr = xc + (id * w->in[1] + ih) * w->in[2] + off;
                float *yr = ym + (od * w->out[1] + oh) * w->out[2];
                if (sw == 1) for (int64_t ow = lo; ow < hi; ow++) yr[ow] += wv * xr[ow];
                else for (int64_t ow = lo; ow < hi; ow++) yr[ow] += wv * xr[ow * sw];
              }
            }
          }
    }
}

/* cols[(c·taps + t) · P + p] = X[c] at tap t of output position p (0 in the padding). */
static void im2col(const float *x, int64_t channels, const Window *w, float *cols) {
  const int64_t P = window_out_size(w), in_size = window_in_size(w);
  for (int64_t ch = 0; ch < channels; ch++)
    for (int64_t kd = 0; kd < w->kernel[0]; kd++)
      for (int64_t kh = 0; kh < w->kernel[1]; kh++)
        for (int64_t kw = 0; kw < w->kernel[2]; kw++, cols += P) {
          const float *xc = x + ch * in_size;
          float *row = cols;
          for (int64_t od = 0; od < w->out[0]; od++) {
            int64_t id = od * w->stride[0] - w->pad[0] + kd * w->dilation[0];
            for (int64_t oh = 0; oh < w->out[1]; oh++, row += w->out[2]) {
              int64_t ih = oh * w->stride[1] - w->pad[1] + kh * w->dilation[1];
              if (id < 0 || id >= w->in[0] || ih < 0 || ih >= w->in[1]) {
                memset(row, 0, (size_t)w->out[2] * sizeof(float));
                continue;
              }
              const float *xr = xc + (id * w->in[1] + ih) * w->in[2];
              int64_t off = kw * w->dilation[2] - w->pad[2], sw = w->stride[2], lo, hi;
              /* ow in [lo, hi) reads inside the row: zeros around one strided (or contiguous) copy. */
              row_range(w, off, &lo, &hi);
              for (int64_t ow = 0; ow < lo; ow++) row[ow] = 0.0f;
              if (sw == 1) memcpy(row + lo, xr + lo + off, (size_t)(hi - lo) * sizeof(float));
              else for (int64_t ow = lo; ow < hi; ow++) row[ow] = xr[ow * sw + off];
              for (int64_t ow = hi; ow < w->out[2]; ow++) row[ow] = 0.0f;
            }
          }
        }
}

int32_t run_conv(const KernelCall *c, char *err, size_t err_cap) {
  uint32_t s = (uint32_t)meta(c, 0);
  int64_t group = meta(c, 1);
  Window w;
  int32_t st = read_window(c, s, 2, &w, err, err_cap);
  if (st != HODU_OK) return st;
  const float *x = in_f32(c, 0), *wt = in_f32(c, 1), *bias = in_f32(c, 2);
  float *y = out_f32(c, 0);
  const int64_t cg = w.channels / group, mg = w.out_channels / group, P = window_out_size(&w);
  const int64_t kdim = cg * window_taps(&w), in_size = window_in_size(&w);
  if (w.channels == group && !is_pointwise(&w)) {
    depthwise(x, wt, bias, y, &w);
    return HODU_OK;
  }
  float *ws = c->scratch, *cols = c->scratch + sgemm_workspace_floats();
  const int pointwise = is_pointwise(&w);
  for (int64_t n = 0; n < w.batch; n++) {
    float *yn = y + n * w.out_channels * P;
    for (int64_t m = 0; m < w.out_channels; m++) {
      float v = bias ? bias[m] : 0.0f;
      for (int64_t p = 0; p < P; p++) yn[m * P + p] = v;
    }
    for (int64_t g = 0; g < group; g++) {
      const float *xg = x + (n * w.channels + g * cg) * in_size;
      if (!pointwise) im2col(xg, cg, &w, cols);
      const float *rhs = pointwise ? xg : cols;
      sgemm(mg, P, kdim, 1.0f, wt + g * mg * kdim, kdim, 1, rhs, P, 1, 1.0f, yn + g * mg * P, P, ws);
    }
  }
  return HODU_OK;
}
