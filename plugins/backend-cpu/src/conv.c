/*
 * Conv (1-3 spatial dims, groups, strides, dilations, pads): im2col into the scratch, already in the
 * sgemm's packed-panel layout (so B is not copied twice), then one sgemm per image and group:
 * Y[g] (M/g × P) = W[g] (M/g × C/g·taps) · cols (C/g·taps × P). A 1×1 stride-1 unpadded
 * conv needs no columns: X itself is the right-hand matrix. The bias is written first (sgemm with beta 1).
 * A conv with one input channel per group (depthwise) runs directly: a GEMM of one row would waste the tile.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the depthwise row loop (the plugin is built at -O2) */
#endif
#include <stdio.h>
#include <string.h>
#include "sgemm.h"
#include "threads.h"
#include "window.h"

static int is_pointwise(const Window *w) {
  for (int d = 0; d < 3; d++)
    if (w->kernel[d] != 1 || w->stride[d] != 1 || w->pad[d] != 0 || w->pad_end[d] != 0) return 0;
  return 1;
}

/*
 * One input channel per group: direct, unless it is one group with long filters (an STFT as a conv: 258
 * filters of 256 taps over 3 frames), which is one good GEMM; direct, its loop overhead per tap cost 10x
 * the arithmetic.
 */
static int is_depthwise(const Window *w, int64_t group) {
  return w->channels == group && !is_pointwise(w) && (group > 1 || window_taps(w) <= 32);
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
  int direct = is_depthwise(&w, group) || is_pointwise(&w);
  int64_t nr = sgemm_nr(), panels = (window_out_size(&w) + nr - 1) / nr;
  size_t cols = direct ? 0 : (size_t)(w.channels / group * window_taps(&w) * panels * nr);
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

typedef struct Depthwise {
  const float *x, *wt, *bias;
  float *y;
  const Window *w;
  int64_t per_task; /* output channels (over all images) per task */
} Depthwise;

/*
 * Y[m] = bias[m] + Σ taps W[m, t] · X[c] shifted, for one input channel c per group (m / (M/C) = c).
 * One task: output channels [task·per_task, …) counted over all images (n · M + m), each independent.
 */
static void depthwise_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Depthwise *d = ctx;
  const float *x = d->x, *wt = d->wt, *bias = d->bias;
  float *y = d->y;
  const Window *w = d->w;
  const int64_t P = window_out_size(w), in_size = window_in_size(w), taps = window_taps(w);
  const int64_t per = w->out_channels / w->channels, total = w->batch * w->out_channels;
  for (int64_t nm = task * d->per_task; nm < total && nm < (task + 1) * d->per_task; nm++) {
      const int64_t n = nm / w->out_channels, m = nm % w->out_channels;
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

/* Channels are split between the run's threads in tasks of at least ~64 KiB of output. */
static void depthwise(const float *x, const float *wt, const float *bias, float *y, const Window *w) {
  const int64_t total = w->batch * w->out_channels, P = window_out_size(w);
  const int64_t chunk = (int64_t)cpu_min_split(16384);
  int64_t per_task = P > 0 ? (chunk + P - 1) / P : total;
  if (total * P < 4 * chunk) per_task = total; /* under 4 chunks: one thread */
  if (per_task < 1) per_task = 1;
  Depthwise d = {x, wt, bias, y, w, per_task};
  parallel_for(cpu_pool(), (total + per_task - 1) / per_task, depthwise_task, &d);
}

/* dst[0:n] = row values ow0 .. ow0+n-1 (stride sw from xr, zero outside [lo, hi) or when xr is NULL). */
static void put_run(float *dst, int64_t ow0, int64_t n, const float *xr, int64_t sw, int64_t lo, int64_t hi) {
  int64_t a = xr ? (lo > ow0 ? lo : ow0) : ow0 + n, b = xr ? (hi < ow0 + n ? hi : ow0 + n) : ow0 + n;
  if (b < a) b = a;
  for (int64_t ow = ow0; ow < a; ow++) *dst++ = 0.0f;
  if (sw == 1) memcpy(dst, xr + a, (size_t)(b - a) * sizeof(float)), dst += b - a;
  else for (int64_t ow = a; ow < b; ow++) *dst++ = xr[ow * sw];
  for (int64_t ow = b; ow < ow0 + n; ow++) *dst++ = 0.0f;
}

/*
 * im2col straight into sgemm_prepacked's layout: column p (an output position) of row r = (c, kd, kh, kw)
 * goes to bp[(p / nr) · nr · K + r · nr + p % nr]: X[c] at that tap, 0 in the padding and past P.
 * Panel by panel, so the writes are sequential; each panel's nr positions are a few runs of output rows.
 */
typedef struct Im2col {
  const float *x;
  int64_t channels, nr, panels_per_task;
  const Window *w;
  float *bp;
} Im2col;

/* Panels [task·panels_per_task, …): panel q starts at bp + q·nr·K, so tasks write disjoint ranges. */
static void im2col_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Im2col *g = ctx;
  const float *x = g->x;
  const int64_t channels = g->channels, nr = g->nr;
  const Window *w = g->w;
  const int64_t P = window_out_size(w), in_size = window_in_size(w), rows = w->out[0] * w->out[1];
  const int64_t first = task * g->panels_per_task * nr, K = channels * window_taps(w);
  const int64_t end = first + g->panels_per_task * nr < P ? first + g->panels_per_task * nr : P;
  float *dst = g->bp + first * K;
  for (int64_t p0 = first; p0 < end; p0 += nr) {
    const int64_t count = P - p0 < nr ? P - p0 : nr, first_row = p0 / w->out[2], first_ow = p0 % w->out[2];
    for (int64_t ch = 0; ch < channels; ch++)
      for (int64_t kd = 0; kd < w->kernel[0]; kd++)
        for (int64_t kh = 0; kh < w->kernel[1]; kh++)
          for (int64_t kw = 0; kw < w->kernel[2]; kw++, dst += nr) {
            const float *xc = x + ch * in_size;
            int64_t off = kw * w->dilation[2] - w->pad[2], sw = w->stride[2], lo, hi;
            row_range(w, off, &lo, &hi);
            int64_t filled = 0, ow = first_ow;
            for (int64_t row = first_row; filled < count && row < rows; row++, ow = 0) {
              int64_t od = row / w->out[1], oh = row % w->out[1];
              int64_t id = od * w->stride[0] - w->pad[0] + kd * w->dilation[0];
              int64_t ih = oh * w->stride[1] - w->pad[1] + kh * w->dilation[1];
              int inside = id >= 0 && id < w->in[0] && ih >= 0 && ih < w->in[1];
              const float *xr = inside ? xc + (id * w->in[1] + ih) * w->in[2] + off : NULL;
              int64_t n = w->out[2] - ow < count - filled ? w->out[2] - ow : count - filled;
              put_run(dst + filled, ow, n, xr, sw, lo, hi);
              filled += n;
            }
            if (count < nr) memset(dst + count, 0, (size_t)(nr - count) * sizeof(float)); /* past P */
          }
  }
}

static void im2col_packed(const float *x, int64_t channels, const Window *w, int64_t nr, float *bp) {
  const int64_t P = window_out_size(w), K = channels * window_taps(w), panels = (P + nr - 1) / nr;
  ThreadPool *pool = cpu_pool();
  /* Tasks of at least ~64 KiB of columns, a few per thread. */
  int64_t per_task = (panels + 4 * pool_threads(pool) - 1) / (4 * pool_threads(pool));
  const int64_t panel_floats = nr * K > 0 ? nr * K : 1, min_panels = ((int64_t)cpu_min_split(16384) + panel_floats - 1) / panel_floats;
  if (per_task < min_panels) per_task = min_panels;
  if (panels < 4 * min_panels) per_task = panels; /* under 4 chunks: one thread */
  if (per_task < 1) per_task = 1;
  Im2col g = {x, channels, nr, per_task, w, bp};
  parallel_for(pool, (panels + per_task - 1) / per_task, im2col_task, &g);
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
  if (is_depthwise(&w, group)) {
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
      if (pointwise) {
        sgemm(mg, P, kdim, 1.0f, wt + g * mg * kdim, kdim, 1, xg, P, 1, 1.0f, yn + g * mg * P, P, ws);
        continue;
      }
      im2col_packed(xg, cg, &w, sgemm_nr(), cols);
      sgemm_prepacked(mg, P, kdim, 1.0f, wt + g * mg * kdim, kdim, 1, cols, 1.0f, yn + g * mg * P, P, ws);
    }
  }
  return HODU_OK;
}
