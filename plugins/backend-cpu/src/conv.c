/*
 * Conv (1-3 spatial dims, groups, strides, dilations, pads) as GEMMs over blocks of output positions:
 * Y[g][:, block] (M/g × pb) = W[g] (M/g × C/g·taps) · cols (C/g·taps × pb). Each block's columns are written by
 * im2col straight into the sgemm's packed-panel layout, only ~1 MiB at a time (im2col of the whole image,
 * 7 MiB for a 3×3 64ch@56² conv, needed that much scratch and went to memory and back); then
 * the block's post-ops (fuse.h) run on its output while it is in cache. A 1×1 stride-1 unpadded conv needs no
 * columns: X itself is the right-hand matrix. The bias is written first (sgemm with beta 1).
 * Blocks (× images × groups) are split between threads, each with its own columns and sgemm workspace.
 * A conv with one input channel per group and a small multiplier runs directly (conv-depthwise.c), and so does
 * one of at most 8 output positions per image (conv-dot.c: melspectrogram's and Silero's STFT and encoder).
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the im2col copies and the bias fill (the plugin is built at -O2) */
#endif
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include "conv.h"
#include "isa.h"
#include "sgemm.h"
#include "threads.h"

static int is_pointwise(const Window *w) {
  for (int d = 0; d < 3; d++)
    if (w->kernel[d] != 1 || w->stride[d] != 1 || w->pad[d] != 0 || w->pad_end[d] != 0) return 0;
  return 1;
}

/* One output position per image, 1×1: Squeeze-and-Excitation's convs on a pooled vector (MobileNetV3, PP-OCR). */
static int is_vector_conv(const Window *w) { return is_pointwise(w) && window_out_size(w) == 1; }

/*
 * Direct (depthwise) or GEMM, by cost: direct does taps multiply-adds per output in vector rows; a GEMM of
 * (multiplier × taps) · (taps × P) per group needs the columns copied first and fills few rows of a micro-tile
 * unless the multiplier is large.
 */
#define DEPTHWISE_MAX_MULTIPLIER 8
static int is_depthwise(const Window *w, int64_t group) {
  return w->channels == group && w->out_channels / group < DEPTHWISE_MAX_MULTIPLIER && !is_pointwise(w);
}

/*
 * Column floats per block: ~1 MiB. Measured on Conv 3×3 64ch@56² (1 thread, AVX-512, 2 loaded cores):
 * 256 KiB to 4 MiB blocks were all within noise of each other and of whole-image im2col (3.0-4.0 ms); smaller
 * blocks repack W more often (sgemm packs A per call), so the larger end is kept.
 */
#define BLOCK_COL_FLOATS 262144

/* Output positions per block: a multiple of nr, so that every block but the last fills whole panels. */
static int64_t block_positions(int64_t kdim, int64_t P, int64_t nr) {
  int64_t pb = BLOCK_COL_FLOATS / (kdim > 0 ? kdim : 1) / nr * nr;
  if (pb < nr) pb = nr;
  int64_t whole = (P + nr - 1) / nr * nr;
  return pb < whole ? pb : whole;
}

/* Floats one thread's share of the scratch holds: sgemm workspace, then the block's columns. */
static size_t slot_floats(const Window *w, int64_t group) {
  const int64_t kdim = w->channels / group * window_taps(w), nr = sgemm_nr();
  size_t cols = is_pointwise(w) ? 0 : (size_t)(kdim * block_positions(kdim, window_out_size(w), nr));
  return (sgemm_workspace_floats() + cols + 15) / 16 * 16; /* slots stay 64-byte aligned */
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
  /* One slot per thread of the pool the handle runs with (plugin.c sets it around the checks). */
  if (is_depthwise(&w, group))
    *scratch = conv_direct_depthwise_fits(&w, s) ? conv_direct_depthwise_scratch_floats(&w, pool_threads(cpu_pool())) : 0;
  else if (conv_direct_fits(&w, group, s)) *scratch = conv_direct_scratch_floats(&w, group, pool_threads(cpu_pool()));
  else *scratch = slot_floats(&w, group) * (size_t)pool_threads(cpu_pool());
  return HODU_OK;
}

/* A run of one output row inside a panel: output (od, oh, ow .. ow+n-1) goes to panel column `at`. */
typedef struct Run {
  int64_t od, oh, ow, n, at;
} Run;

/* A panel's runs of output rows (at most one per position: nr ≤ 32); returns how many. */
static inline __attribute__((always_inline)) int panel_runs(const Window *w, int64_t p0, int64_t count, Run *runs) {
  const int64_t OW = w->out[2];
  int nruns = 0;
  for (int64_t p = p0; p < p0 + count;) {
    int64_t row = p / OW, ow = p % OW, n = OW - ow < p0 + count - p ? OW - ow : p0 + count - p;
    runs[nruns++] = (Run){row / w->out[1], row % w->out[1], ow, n, p - p0};
    p += n;
  }
  return nruns;
}

/*
 * im2col of output positions [first, end) straight into sgemm_prepacked's layout: column p of row
 * r = (c, kd, kh, kw) goes to dst[(p' / nr) · nr · K + r · nr + p' % nr] (p' = p - first): X[c] at that tap,
 * 0 in the padding and past `end`. Panel by panel, so the writes are sequential. A panel's nr positions are a
 * few runs of output rows, found once per panel (not per row r: the divisions cost as much as the copies);
 * the copies are plain loops (vectorized, no call per run: a run is at most nr floats).
 */
static void im2col_generic(const float *x, int64_t channels, const Window *w, int64_t nr, int64_t first, int64_t end,
                           float *dst) {
  const int64_t in_size = window_in_size(w), sw = w->stride[2];
  Run runs[64]; /* at most one per position of a panel: nr ≤ 32 */
  for (int64_t p0 = first; p0 < end; p0 += nr) {
    const int64_t count = end - p0 < nr ? end - p0 : nr;
    const int nruns = panel_runs(w, p0, count, runs);
    for (int64_t ch = 0; ch < channels; ch++)
      for (int64_t kd = 0; kd < w->kernel[0]; kd++)
        for (int64_t kh = 0; kh < w->kernel[1]; kh++)
          for (int64_t kw = 0; kw < w->kernel[2]; kw++, dst += nr) {
            const float *xc = x + ch * in_size;
            int64_t off = kw * w->dilation[2] - w->pad[2], lo, hi;
            row_range(w, off, &lo, &hi);
            for (int r = 0; r < nruns; r++) {
              const Run *u = &runs[r];
              float *d = dst + u->at;
              int64_t id = u->od * w->stride[0] - w->pad[0] + kd * w->dilation[0];
              int64_t ih = u->oh * w->stride[1] - w->pad[1] + kh * w->dilation[1];
              if (id < 0 || id >= w->in[0] || ih < 0 || ih >= w->in[1]) {
                for (int64_t j = 0; j < u->n; j++) d[j] = 0.0f;
                continue;
              }
              const float *xr = xc + (id * w->in[1] + ih) * w->in[2] + off;
              int64_t a = lo > u->ow ? lo : u->ow, b = hi < u->ow + u->n ? hi : u->ow + u->n;
              if (b < a) b = a;
              const int64_t head = a - u->ow, body = b - a;
              for (int64_t j = 0; j < head; j++) d[j] = 0.0f;
              if (sw == 1) for (int64_t j = 0; j < body; j++) d[head + j] = xr[a + j];
              else for (int64_t j = 0; j < body; j++) d[head + j] = xr[(a + j) * sw];
              for (int64_t j = head + body; j < u->n; j++) d[j] = 0.0f;
            }
            for (int64_t j = count; j < nr; j++) dst[j] = 0.0f; /* past the block */
          }
  }
}

#if defined(__x86_64__)
/*
 * AVX-512, unit width stride, nr ≤ 32: each column row of a panel is built in two registers by masked loads
 * (lanes outside the input or past the block stay 0) and stored whole. The generic body's head / body / tail
 * loops of varying length (runs of 32 or 16 floats) branch and mispredict per row: on resnet.onnx
 * (1×3×32×32) its im2col was 47% of the run at 1 thread, more than the sgemm. Masked-out lanes of a masked
 * load are not read, so the lanes left of the input row (its padding) are never touched.
 */
__attribute__((target("avx512f"))) static void im2col_avx512_unit(const float *x, int64_t channels, const Window *w,
                                                                  int64_t nr, int64_t first, int64_t end, float *dst) {
  const int64_t in_size = window_in_size(w);
  Run runs[32];
  for (int64_t p0 = first; p0 < end; p0 += nr) {
    const int nruns = panel_runs(w, p0, end - p0 < nr ? end - p0 : nr, runs);
    for (int64_t ch = 0; ch < channels; ch++)
      for (int64_t kd = 0; kd < w->kernel[0]; kd++)
        for (int64_t kh = 0; kh < w->kernel[1]; kh++)
          for (int64_t kw = 0; kw < w->kernel[2]; kw++, dst += nr) {
            const float *xc = x + ch * in_size;
            int64_t off = kw * w->dilation[2] - w->pad[2], lo, hi;
            row_range(w, off, &lo, &hi);
            __m512 v0 = _mm512_setzero_ps(), v1 = _mm512_setzero_ps();
            for (int r = 0; r < nruns; r++) {
              const Run *u = &runs[r];
              int64_t id = u->od * w->stride[0] - w->pad[0] + kd * w->dilation[0];
              int64_t ih = u->oh * w->stride[1] - w->pad[1] + kh * w->dilation[1];
              int64_t a = lo > u->ow ? lo : u->ow, b = hi < u->ow + u->n ? hi : u->ow + u->n;
              if (id < 0 || id >= w->in[0] || ih < 0 || ih >= w->in[1] || b <= a) continue;
              /* lane L of the panel row reads row element ow - at + L (input element + off); lanes [a, b) only */
              const uint64_t lanes = ((1ull << (b - u->ow + u->at)) - 1) & ~((1ull << (a - u->ow + u->at)) - 1);
              const intptr_t shift = (intptr_t)((id * w->in[1] + ih) * w->in[2] + off + u->ow - u->at);
              const float *src = (const float *)((uintptr_t)xc + (uintptr_t)(shift * (intptr_t)sizeof(float)));
              v0 = _mm512_mask_loadu_ps(v0, (__mmask16)lanes, src);
              if (nr > 16) v1 = _mm512_mask_loadu_ps(v1, (__mmask16)(lanes >> 16), src + 16);
            }
            _mm512_storeu_ps(dst, v0);
            if (nr > 16) _mm512_storeu_ps(dst + 16, v1);
          }
  }
}
#endif

static void im2col_block(const float *x, int64_t channels, const Window *w, int64_t nr, int64_t first, int64_t end,
                         float *dst) {
#if defined(__x86_64__)
  if (w->stride[2] == 1 && (nr == 16 || nr == 32) && cpu_isa() == ISA_AVX512) {
    im2col_avx512_unit(x, channels, w, nr, first, end, dst);
    return;
  }
#endif
  im2col_generic(x, channels, w, nr, first, end, dst);
}

typedef struct ConvGemm {
  const float *x, *wt, *bias, *packed; /* packed: W per group from prepare_conv, or NULL */
  float *y, *scratch;
  const Window *w;
  const Fused *f;
  int64_t group, pb, blocks;
  size_t slot, packed_group; /* floats of one group's packed W */
  int pointwise;
} ConvGemm;

/* One block of output positions of one image and group: bias, columns, sgemm, post-ops. */
static void gemm_task(void *ctx, int64_t task, int tid) {
  const ConvGemm *g = ctx;
  const Window *w = g->w;
  const int64_t cg = w->channels / g->group, mg = w->out_channels / g->group, kdim = cg * window_taps(w);
  const int64_t P = window_out_size(w), nr = sgemm_nr();
  const int64_t b = task % g->blocks, grp = task / g->blocks % g->group, n = task / g->blocks / g->group;
  const int64_t p0 = b * g->pb, np = P - p0 < g->pb ? P - p0 : g->pb;
  float *ws = g->scratch + (size_t)tid * g->slot, *cols = ws + sgemm_workspace_floats();
  float *yb = g->y + (n * w->out_channels + grp * mg) * P + p0;
  const float *xg = g->x + (n * w->channels + grp * cg) * window_in_size(w), *wg = g->wt + grp * mg * kdim;
  for (int64_t m = 0; m < mg; m++) {
    float v = g->bias ? g->bias[grp * mg + m] : 0.0f, *ym = yb + m * P;
    for (int64_t p = 0; p < np; p++) ym[p] = v;
  }
  const float *ap = g->packed ? g->packed + (size_t)grp * g->packed_group : NULL;
  if (g->pointwise) {
    if (ap) sgemm_prepacked_a(mg, np, kdim, ap, xg + p0, P, 1, NULL, 1.0f, yb, P, ws);
    else sgemm(mg, np, kdim, 1.0f, wg, kdim, 1, xg + p0, P, 1, 1.0f, yb, P, ws);
  } else {
    im2col_block(xg, cg, w, nr, p0, p0 + np, cols);
    if (ap) sgemm_prepacked_a(mg, np, kdim, ap, NULL, 0, 0, cols, 1.0f, yb, P, ws);
    else sgemm_prepacked(mg, np, kdim, 1.0f, wg, kdim, 1, cols, 1.0f, yb, P, ws);
  }
  if (g->f)
    for (int64_t m = 0; m < mg; m++) post_apply(g->f, yb + m * P, (size_t)np, grp * mg + m);
}

/* Multiply-adds per ns of one core in the sgemm, roughly: what parallel_worth is told the conv's work takes. */
#define FMAS_PER_NS 32.0

static void conv_gemm(const KernelCall *c, const float *x, const float *wt, const float *bias, float *y, const Window *w,
                      int64_t group, const Fused *f);

int32_t run_conv(const KernelCall *c, char *err, size_t err_cap) {
  uint32_t s = (uint32_t)meta(c, 0);
  int64_t group = meta(c, 1);
  Window w;
  int32_t st = read_window(c, s, 2, &w, err, err_cap);
  if (st != HODU_OK) return st;
  const float *x = in_f32(c, 0), *wt = in_f32(c, 1), *bias = in_f32(c, 2);
  Fused resolved; /* the run's pointers of the tensors an absorbed Add reads (a skip connection) */
  float *y = c->fused && c->fused->direct ? (float *)c->ptrs[c->fused->out_id] : out_f32(c, 0);
  const Fused *f = fuse_resolve(c->fused, c->ptrs, y, &resolved);
  if (is_depthwise(&w, group) && conv_direct_depthwise_fits(&w, s)) conv_direct_depthwise(x, wt, bias, y, &w, f, c->scratch);
  else if (is_depthwise(&w, group)) conv_depthwise(x, wt, bias, y, &w, f);
  else if (conv_direct_fits(&w, group, s)) conv_direct(x, c->state, wt, bias, y, &w, group, f, c->scratch);
  else conv_gemm(c, x, wt, bias, y, &w, group, f);
  if (f && !f->direct && !f->to_out && c->ptrs[f->out_id] != y) memmove(c->ptrs[f->out_id], y, (size_t)out_tensor(c, 0)->byte_size);
  return HODU_OK;
}

/* Few output positions: dot products of filters with transposed columns (conv-dot.c); sgemm's panels would
 * sit mostly empty, and packing W cost more than the product. */
#define FEW_P 8

/*
 * is_vector_conv with Wᵀ packed at create() as sgemm's B panels (prepare_conv): per image and group, y = bias +
 * x·Wᵀ as gemv.c's GEMV over the panels (the filters in the vector lanes, x broadcast), then the post-ops along
 * the channels. The GEMM path ran a 1-column sgemm, latency-bound in a mostly empty micro-tile: PP-OCR cls's
 * 200→50→200 pair took 14.9 µs. Returns 0 (nothing done) when gemv.c has no variant for this ISA's panels.
 */
static int conv_vector(const float *x, const float *packed, const float *bias, float *y, const Window *w, int64_t group,
                       const Fused *f) {
  const int64_t cg = w->channels / group, mg = w->out_channels / group, M = w->out_channels;
  const size_t per_group = sgemm_packed_b_floats(cg, mg);
  for (int64_t n = 0; n < w->batch; n++) {
    float *yn = y + n * M;
    for (int64_t m = 0; m < M; m++) yn[m] = bias ? bias[m] : 0.0f;
    for (int64_t g = 0; g < group; g++)
      if (!gemv_panels(mg, cg, 1.0f, x + n * w->channels + g * cg, 1, packed + (size_t)g * per_group, sgemm_nr(), yn + g * mg))
        return 0;
    if (f) post_apply_channels(f, yn, (size_t)M, 0);
  }
  return 1;
}

static void conv_gemm(const KernelCall *c, const float *x, const float *wt, const float *bias, float *y, const Window *wp,
                      int64_t group, const Fused *f) {
  const Window w = *wp;
  const int64_t kdim = w.channels / group * window_taps(&w), P = window_out_size(&w), nr = sgemm_nr();
  if (P == 0 || w.batch == 0 || w.out_channels == 0) return;
  if (c->state && is_vector_conv(&w) && conv_vector(x, c->state, bias, y, &w, group, f)) return;
  if (P <= FEW_P && !is_pointwise(&w)) { /* the slot's columns hold K × nr ≥ K × 8 floats */
    conv_dot(x, wt, bias, y, &w, group, f, c->scratch + sgemm_workspace_floats());
    return;
  }
  ThreadPool *pool = cpu_pool();
  const int threads = pool_threads(pool);
  int64_t pb = block_positions(kdim, P, nr), per_image = w.batch * group;
  const double fmas = (double)w.batch * (double)w.out_channels * (double)P * (double)kdim;
  /* A small conv stays on one thread: handing out (or waking threads for) its blocks costs what they save. */
  const int parallel = threads > 1 && parallel_worth(pool, fmas / FMAS_PER_NS);
  /* Threads share blocks: narrower ones (down to one panel) when there would be under 4 per thread. */
  if (parallel && per_image * ((P + pb - 1) / pb) < 4 * threads) {
    int64_t want = (4 * threads + per_image - 1) / per_image, narrow = ((P + want - 1) / want + nr - 1) / nr * nr;
    pb = narrow < nr ? nr : narrow < pb ? narrow : pb;
  }
  const int64_t blocks = (P + pb - 1) / pb, tasks = per_image * blocks;
  const float *packed = is_vector_conv(&w) ? NULL : c->state; /* a vector conv's state is Wᵀ, not A panels */
  const size_t packed_group = packed ? sgemm_packed_a_floats(w.out_channels / group, kdim) : 0;
  ConvGemm g = {x, wt, bias, packed, y, c->scratch, &w, f, group, pb, blocks, slot_floats(&w, group), packed_group,
                is_pointwise(&w)};
  /* With too few blocks to share, they run one after another and each sgemm splits its own work. */
  parallel_for(parallel && tasks >= 2 * threads ? pool : NULL, tasks, gemm_task, &g);
}

/*
 * Constant weights of a GEMM conv are packed once here, group by group, into the sgemm's A panels (the
 * micro-kernel's MR rows, for the ISA this process runs), so the blocks skip packing W: it was packed again
 * for every block of output positions (11% of openWakeWord's embedding model). Not for the direct paths
 * (depthwise, few output positions: they read W in place), nor for a group of ≤ 2 filters (sgemm runs
 * those as rows, without packing).
 */
size_t prepare_conv(const KernelCall *c, float *state) {
  uint32_t s = (uint32_t)meta(c, 0);
  int64_t group = meta(c, 1);
  Window w;
  char err[8];
  const HoduManifestTensor *wt = in_tensor(c, 1);
  if (!wt || wt->role != HODU_ROLE_WEIGHT || read_window(c, s, 2, &w, err, sizeof err) != HODU_OK) return 0;
  const int64_t mg = w.out_channels / group, kdim = w.channels / group * window_taps(&w), P = window_out_size(&w);
  if (conv_direct_fits(&w, group, s) && !is_depthwise(&w, group)) {
    if (state) conv_direct_pack(in_f32(c, 1), &w, group, state);
    return conv_direct_packed_floats(&w, group);
  }
  if (is_vector_conv(&w) && mg > 0 && kdim > 0) { /* Wᵀ as B panels, per group, for conv_vector */
    const size_t per_group = sgemm_packed_b_floats(kdim, mg);
    if (state)
      for (int64_t g = 0; g < group; g++)
        sgemm_pack_b(kdim, mg, in_f32(c, 1) + g * mg * kdim, 1, kdim, state + (size_t)g * per_group);
    return per_group * (size_t)group;
  }
  if (is_depthwise(&w, group) || mg <= 2 || kdim == 0 || P == 0 || (P <= FEW_P && !is_pointwise(&w))) return 0;
  const size_t per_group = sgemm_packed_a_floats(mg, kdim);
  if (state)
    for (int64_t g = 0; g < group; g++)
      sgemm_pack_a(mg, kdim, in_f32(c, 1) + g * mg * kdim, kdim, 1, 1.0f, state + (size_t)g * per_group);
  return per_group * (size_t)group;
}
