/*
 * ConvTranspose (float32, 1-3 spatial dims): groups, strides, dilations, pads (auto_pad and output_shape
 * resolved by the host), output_padding (only in Y's dims), bias. The adjoint of Conv, as the interp's kernel:
 * per image and group, col = W_gᵀ · X_g with the packed sgemm (W_g is read transposed through its strides, no
 * copy), then col2im scatters each column into Y, where input position i and kernel tap t land at
 * i·stride − pad_begin + t·dilation (outside Y: dropped). X's positions are taken by blocks of rows so that col
 * stays within ~1 MiB (in L2) whatever the image size; col2im is split between the threads by output channel, so every
 * element of Y is summed by one thread in one order.
 * Metadata: Conv's [s, group, kernel(s), strides(s), pads_begin(s), pads_end(s), dilations(s)].
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "sgemm.h"
#include "threads.h"

/* ~1 MiB of columns per block: the sgemm writes them and col2im reads them back while they are still in L2. */
#define COL_BLOCK_FLOATS ((size_t)1 << 18)

/* The geometry with the spatial dims right-aligned into three (a missing leading dim: size 1, kernel 1). */
typedef struct Geometry {
  int64_t batch, channels, out_channels, group;
  int64_t in[3], out[3], kernel[3], stride[3], pad[3], dilation[3];
  /* Every element of Y gets exactly one tap (kernel = stride, no dilation, no output_padding: the 2×2
   * stride-2 upsampling of segmentation heads): col2im then stores bias + column, with no pass to fill Y first. */
  int exact_cover;
} Geometry;

static void geometry_of(const KernelCall *c, Geometry *g) {
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  uint32_t s = (uint32_t)meta(c, 0);
  g->batch = dim(x, 0), g->channels = dim(x, 1), g->out_channels = dim(y, 1), g->group = meta(c, 1);
  for (uint32_t i = 0; i < 3; i++) {
    int present = i >= 3 - s;
    uint32_t d = i - (3 - s);
    g->in[i] = present ? dim(x, 2 + d) : 1;
    g->out[i] = present ? dim(y, 2 + d) : 1;
    g->kernel[i] = present ? meta(c, 2 + d) : 1;
    g->stride[i] = present ? meta(c, 2 + s + d) : 1;
    g->pad[i] = present ? meta(c, 2 + 2 * s + d) : 0;
    g->dilation[i] = present ? meta(c, 2 + 4 * s + d) : 1;
  }
  g->exact_cover = 1;
  for (uint32_t i = 0; i < 3; i++) {
    int64_t pads_end = i >= 3 - s ? meta(c, 2 + 3 * s + (i - (3 - s))) : 0;
    if (g->kernel[i] != g->stride[i] || (g->kernel[i] > 1 && g->dilation[i] != 1) || g->pad[i] < 0 || pads_end < 0 ||
        g->out[i] != g->in[i] * g->stride[i] - g->pad[i] - pads_end)
      g->exact_cover = 0;
  }
}

static size_t block_rows(const Geometry *g) {
  size_t per_row = (size_t)(g->out_channels / g->group * g->kernel[0] * g->kernel[1] * g->kernel[2] * g->in[2]);
  size_t rows = per_row ? COL_BLOCK_FLOATS / per_row : 1, all = (size_t)(g->in[0] * g->in[1]);
  if (rows < 1) rows = 1;
  return rows < all ? rows : all;
}

int32_t check_conv_transpose(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  int32_t st = check_f32_io(c, 3, err, err_cap);
  if (st != HODU_OK) return st;
  REQUIRE_META(c->step->input_count >= 2 && c->step->metadata_count >= 2);
  int64_t s = meta(c, 0);
  REQUIRE(s >= 1 && s <= 3, "%lld spatial dims (1 to 3 are implemented)", (long long)s);
  REQUIRE_META(c->step->metadata_count == 2 + 5 * (uint64_t)s);
  const HoduManifestTensor *x = in_tensor(c, 0), *w = in_tensor(c, 1), *b = in_tensor(c, 2), *y = out_tensor(c, 0);
  REQUIRE_META(x->rank == s + 2 && y->rank == s + 2 && w && w->rank == s + 2 && dim(x, 0) == dim(y, 0));
  Geometry g;
  geometry_of(c, &g);
  REQUIRE_META(g.group >= 1 && g.channels % g.group == 0 && g.out_channels % g.group == 0);
  REQUIRE_META(dim(w, 0) == g.channels && dim(w, 1) * g.group == g.out_channels);
  for (uint32_t i = 0; i < (uint32_t)s; i++) REQUIRE_META(dim(w, 2 + i) == meta(c, 2 + i));
  for (uint32_t i = 0; i < 3; i++)
    REQUIRE_META(g.kernel[i] >= 1 && g.stride[i] >= 1 && g.dilation[i] >= 1 && g.out[i] >= 0);
  REQUIRE_META(!b || numel(b) == (uint64_t)g.out_channels);
  size_t per_row = (size_t)(g.out_channels / g.group * g.kernel[0] * g.kernel[1] * g.kernel[2] * g.in[2]);
  *scratch = sgemm_workspace_floats() + block_rows(&g) * per_row;
  return HODU_OK;
}

typedef struct Col2Im {
  const Geometry *g;
  const float *col;  /* [mg · taps, rows · in[2]] */
  float *y;          /* this image and group's first output channel */
  const float *bias; /* this group's, or NULL; used only when g->exact_cover */
  int64_t row0, rows, taps;
} Col2Im;

/* Output channel m: adds every tap's column rows into Y's plane m. */
static void col2im_task(void *ctx, int64_t m, int tid) {
  (void)tid;
  const Col2Im *t = ctx;
  const Geometry *g = t->g;
  const int64_t in_w = g->in[2], out_plane = g->out[0] * g->out[1] * g->out[2], nb = t->rows * in_w;
  float *y = t->y + m * out_plane;
  for (int64_t k0 = 0; k0 < g->kernel[0]; k0++)
    for (int64_t k1 = 0; k1 < g->kernel[1]; k1++)
      for (int64_t k2 = 0; k2 < g->kernel[2]; k2++) {
        const int64_t tap = (k0 * g->kernel[1] + k1) * g->kernel[2] + k2;
        const float *col = t->col + (m * t->taps + tap) * nb;
        /* Along W: input column iw lands at iw·sw + off; keep [lo, hi) inside Y's row. */
        const int64_t sw = g->stride[2], off = k2 * g->dilation[2] - g->pad[2];
        int64_t lo = off >= 0 ? 0 : (-off + sw - 1) / sw, hi = off < g->out[2] ? (g->out[2] - 1 - off) / sw + 1 : 0;
        if (hi > in_w) hi = in_w;
        if (lo >= hi) continue;
        for (int64_t r = 0; r < t->rows; r++) {
          const int64_t row = t->row0 + r, i0 = row / g->in[1], i1 = row % g->in[1];
          const int64_t o0 = i0 * g->stride[0] - g->pad[0] + k0 * g->dilation[0];
          const int64_t o1 = i1 * g->stride[1] - g->pad[1] + k1 * g->dilation[1];
          if (o0 < 0 || o0 >= g->out[0] || o1 < 0 || o1 >= g->out[1]) continue;
          float *dst = y + (o0 * g->out[1] + o1) * g->out[2];
          const float *src = col + r * in_w;
          if (g->exact_cover) {
            const float b = t->bias ? t->bias[m] : 0.0f;
            for (int64_t iw = lo; iw < hi; iw++) dst[iw * sw + off] = b + src[iw];
          } else if (sw == 1) {
            for (int64_t iw = lo; iw < hi; iw++) dst[iw + off] += src[iw];
          } else {
            for (int64_t iw = lo; iw < hi; iw++) dst[iw * sw + off] += src[iw];
          }
        }
      }
}

int32_t run_conv_transpose(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  Geometry g;
  geometry_of(c, &g);
  const float *x = in_f32(c, 0), *w = in_f32(c, 1), *b = c->step->input_count > 2 ? in_f32(c, 2) : NULL;
  float *y = out_f32(c, 0);
  const int64_t cg = g.channels / g.group, mg = g.out_channels / g.group;
  const int64_t taps = g.kernel[0] * g.kernel[1] * g.kernel[2], mgk = mg * taps;
  const int64_t in_size = g.in[0] * g.in[1] * g.in[2], out_plane = g.out[0] * g.out[1] * g.out[2];
  const int64_t all_rows = g.in[0] * g.in[1], per_block = (int64_t)block_rows(&g);
  float *ws = c->scratch, *col = c->scratch + sgemm_workspace_floats();
  /* Y starts as the bias (or 0); the columns are then added into it (unless each element gets one tap). */
  for (int64_t n = 0; n < g.batch && !g.exact_cover; n++)
    for (int64_t m = 0; m < g.out_channels; m++) {
      float v = b ? b[m] : 0.0f, *plane = y + (n * g.out_channels + m) * out_plane;
      for (int64_t i = 0; i < out_plane; i++) plane[i] = v;
    }
  if (in_size == 0 || out_plane == 0) return HODU_OK;
  for (int64_t n = 0; n < g.batch; n++)
    for (int64_t gi = 0; gi < g.group; gi++) {
      const float *xg = x + (n * g.channels + gi * cg) * in_size, *wg = w + gi * cg * mgk;
      for (int64_t row0 = 0; row0 < all_rows; row0 += per_block) {
        const int64_t rows = all_rows - row0 < per_block ? all_rows - row0 : per_block, nb = rows * g.in[2];
        /* col [mgk × nb] = W_gᵀ [mgk × cg] · X_g[:, block] [cg × nb]; W_g is [cg × mgk] row-major. */
        sgemm(mgk, nb, cg, 1.0f, wg, 1, mgk, xg + row0 * g.in[2], in_size, 1, 0.0f, col, nb, ws);
        Col2Im t = {&g, col, y + (n * g.out_channels + gi * mg) * out_plane, b ? b + gi * mg : NULL, row0, rows, taps};
        /* a task (one output channel) adds rows·W·taps columns into Y, ~0.5 ns each (scattered adds) */
        parallel_for_cost(cpu_pool(), mg, 0.5 * (double)(nb * taps), col2im_task, &t);
      }
    }
  return HODU_OK;
}
