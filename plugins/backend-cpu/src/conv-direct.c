/*
 * 2-D Conv computed directly (AVX-512, AVX2 and NEON), without im2col. A band of output rows reads a zero-padded
 * copy of its input rows, split by stride phase: phase (ph, pw) of a channel holds padded rows sh·i + ph and
 * columns sw·j + pw (one phase at unit strides), Wq = ⌈Wp / sw⌉ columns wide. The tap (kh, kw) of output
 * (oh, ow) is then phase (kh·dh mod sh, kw·dw mod sw) at row oh + ⌊kh·dh / sh⌋, column ow + ⌊kw·dw / sw⌋.
 * Seen as one strip of rows·Wq columns (the last Wq − OW of each row are computed and dropped), every tap is
 * the same strip shifted by a constant offset, so a register tile (conv-direct-body.h) of DMB filters × DNV
 * vectors of columns runs down all channels and taps with plain vector loads. The GEMM path (conv.c) wrote 9
 * columns per input element first and then read them back: for PP-OCRv4 det's 96→24 3×3 convs at 160² that
 * copy cost as much as the product (24 filters share it).
 *
 * Work is split by (image, group, band of output rows, chunk of filter blocks); each task copies its band's
 * padded input rows into its thread's buffer (in L2), writes its tiles to its result buffer, then copies the
 * valid columns to Y and applies the fused post-ops while they are in cache. The weights are packed once
 * (prepare_conv) as [group][filter block][channel][tap][DMB].
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif
#include <string.h>
#include "conv.h"
#include "isa.h"
#include "threads.h"

typedef void (*DepthwiseFn)(const float *xp, const float *wm, const int64_t *offs, int64_t taps, float bias,
                            int64_t tiles, float *out);
typedef void (*TilesFn)(const float *xp, int64_t chan_stride, const float *wb, const int64_t *offs, int64_t taps,
                        int64_t channels, const float *bias, int64_t cols, float *out, int64_t out_stride);

#if defined(__x86_64__)
#include <immintrin.h>

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx512f")
#endif
#define DV __m512
#define DVN 16
#define DMB 8
#define DNV 3
#define DNW 4
#define DLOAD _mm512_loadu_ps
#define DSTORE _mm512_storeu_ps
#define DSET1 _mm512_set1_ps
#define DFMA _mm512_fmadd_ps
#define DFN(name) name##_avx512
#include "conv-direct-body.h"
#undef DV
#undef DVN
#undef DMB
#undef DNV
#undef DNW
#undef DLOAD
#undef DSTORE
#undef DSET1
#undef DFMA
#undef DFN
#if defined(__clang__)
#pragma clang attribute pop
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#else
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#endif
#define DV __m256
#define DVN 8
#define DMB 4
#define DNV 3
#define DNW 4
#define DLOAD _mm256_loadu_ps
#define DSTORE _mm256_storeu_ps
#define DSET1 _mm256_set1_ps
#define DFMA _mm256_fmadd_ps
#define DFN(name) name##_avx2
#include "conv-direct-body.h"
#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
#undef DV
#undef DVN
#undef DMB
#undef DNV
#undef DNW
#undef DLOAD
#undef DSTORE
#undef DSET1
#undef DFMA
#undef DFN
#endif

#if defined(__aarch64__)
#include <arm_neon.h>
/* 32 registers of 4 floats: 8 filters × 3 vectors of columns are 24 accumulators, plus 3 input vectors and one
 * broadcast weight (28), as AVX-512's 8 × 3 tile in a quarter of the width. NEON is always there on aarch64. */
#define DV float32x4_t
#define DVN 4
#define DMB 8
#define DNV 3
#define DNW 4
#define DLOAD vld1q_f32
#define DSTORE vst1q_f32
#define DSET1 vdupq_n_f32
#define DFMA(a, b, acc) vfmaq_f32(acc, a, b) /* vfmaq_f32 takes the accumulator first */
#define DFN(name) name##_neon
#include "conv-direct-body.h"
#endif

/* The tile of the ISA this process runs: filters (mb) × columns (cols) per call of fn, columns per call of the
 * depthwise tile (dw_cols); fn NULL: no direct path. */
typedef struct Tile {
  int64_t mb, cols, dw_cols;
  TilesFn fn;
  DepthwiseFn dw;
} Tile;

static Tile direct_tile(void) {
#if defined(__x86_64__)
  if (cpu_isa() == ISA_AVX512) return (Tile){8, 48, 64, direct_tiles_avx512, depthwise_tiles_avx512};
  if (cpu_isa() == ISA_AVX2) return (Tile){4, 24, 32, direct_tiles_avx2, depthwise_tiles_avx2};
#endif
#if defined(__aarch64__)
  if (cpu_isa() == ISA_NEON) return (Tile){8, 12, 16, direct_tiles_neon, depthwise_tiles_neon};
#endif
  return (Tile){1, 1, 1, NULL, NULL};
}

/* Floats of one thread's result buffer (at least one filter block × one row) and input band. The result buffer
 * holds 64 filters × 7 rows of 57 columns (the bench's 3×3 conv 64ch@56²): at 16384 floats the split took two
 * chunks of 32 filters, and each chunk copied the band's padded input again (memcpy was 6 % of a run's samples);
 * one chunk: 2.34–2.38 ms per run against 2.43–2.49 (thread CPU time, median of 300, interleaved). */
#define DIRECT_OUT_FLOATS 32768
#define DIRECT_BAND_FLOATS 65536
/* A band's result rows are computed as one strip of whole vectors (direct_tiles narrows its last tile):
 * rounded up to the widest vector's lanes, a multiple of every ISA's. */
#define COL_ALIGN 16

static int64_t round_up(int64_t a, int64_t b) { return (a + b - 1) / b * b; }
static int64_t padded_width(const Window *w) { return w->in[2] + w->pad[2] + w->pad_end[2]; }
/* Columns of a phase: the strip's row width. */
static int64_t phase_width(const Window *w) { return (padded_width(w) + w->stride[2] - 1) / w->stride[2]; }
static int64_t phases(const Window *w) { return w->stride[1] * w->stride[2]; }
/* Phase rows a band of output rows reads past its own. */
static int64_t halo(const Window *w) { return (w->kernel[1] - 1) * w->dilation[1] / w->stride[1]; }
/*
 * The direct path's rows at unit W stride: each row is `zone` zeros then its W inputs, so a tap past a row's right
 * edge reads the next row's zeros and rows share them: max(pl, pr) columns a row, not pl + pr, when a row's
 * outputs still fit (min(pl, pr) ≤ the window's reach). openWakeWord's 1×3 convs at widths 2 to 8 computed 4 to 10
 * columns per 2 to 8 outputs; now 3 to 9. At W stride 2: the stride phases (phase_width, no zone).
 */
static int64_t zone(const Window *w) {
  const int64_t pl = w->pad[2], pr = w->pad_end[2], reach = (w->kernel[2] - 1) * w->dilation[2];
  return (pl < pr ? pl : pr) <= reach ? (pl > pr ? pl : pr) : pl + pr;
}
static int64_t strip_width(const Window *w) { return w->stride[2] == 1 ? w->in[2] + zone(w) : phase_width(w); }
/* Where output column 0 of a row reads its first tap, past the row's start. */
static int64_t strip_lead(const Window *w) { return w->stride[2] == 1 ? zone(w) - w->pad[2] : 0; }
static int64_t out_floats(const Window *w, Tile t) {
  int64_t row = t.mb * round_up(strip_width(w), COL_ALIGN);
  return round_up(row > DIRECT_OUT_FLOATS ? row : DIRECT_OUT_FLOATS, 16);
}
/* Output rows per band at most: what the band buffer holds (at least one). */
static int64_t band_rows(const Window *w, int64_t channels) {
  int64_t rows = DIRECT_BAND_FLOATS / (channels * phases(w) * strip_width(w)) - halo(w);
  return rows < 1 ? 1 : rows > w->out[1] ? w->out[1] : rows;
}
/* A band's padded input, and the slack past its last channel that the last tile's shifted loads read. */
static int64_t band_floats(const Window *w, int64_t channels, Tile t) {
  const int64_t Wq = strip_width(w);
  return round_up(channels * phases(w) * (band_rows(w, channels) + halo(w)) * Wq + COL_ALIGN + t.cols + 2 * Wq, 16);
}

int conv_direct_fits(const Window *w, int64_t group, uint32_t spatial) {
  if (!direct_tile().fn || spatial != 2 || w->stride[1] > 2 || w->stride[2] > 2) return 0;
  const int64_t taps = window_taps(w); /* ≤ 64: Direct's table of tap offsets */
  if (taps < 2 || taps > 64 || window_out_size(w) <= 8) return 0; /* 1×1: a GEMM; few outputs: conv.c */
  return w->channels / group > 1; /* one channel per group: conv-depthwise.c */
}

size_t conv_direct_packed_floats(const Window *w, int64_t group) {
  const Tile t = direct_tile();
  return (size_t)(group * round_up(w->out_channels / group, t.mb) * (w->channels / group) * window_taps(w));
}

void conv_direct_pack(const float *wt, const Window *w, int64_t group, float *dst) {
  const Tile t = direct_tile();
  const int64_t mg = w->out_channels / group, cg = w->channels / group, taps = window_taps(w);
  for (int64_t g = 0; g < group; g++)
    for (int64_t m0 = 0; m0 < mg; m0 += t.mb)
      for (int64_t c = 0; c < cg; c++)
        for (int64_t k = 0; k < taps; k++)
          for (int64_t i = 0; i < t.mb; i++)
            *dst++ = m0 + i < mg ? wt[((g * mg + m0 + i) * cg + c) * taps + k] : 0.0f;
}

size_t conv_direct_scratch_floats(const Window *w, int64_t group, int threads) {
  const Tile t = direct_tile();
  return conv_direct_packed_floats(w, group) +
         (size_t)(band_floats(w, w->channels / group, t) + out_floats(w, t)) * (size_t)threads;
}

typedef struct Direct {
  const float *x, *wp, *bias;
  float *y, *scratch;
  const Window *w;
  const Fused *f;
  Tile t;
  int64_t group, rows, bands, mchunk, mchunks, slot, band_slot;
} Direct;

/*
 * Phase rows [i0, i0 + n) of a group's channels, channel after channel and phase after phase, then zeros.
 * Copied per task from X (each channel's rows are one sequential stream) rather than padding the whole image
 * first: the tiles read 3 rows of every channel at once, hundreds of short streams that the prefetchers did
 * not follow once the image left the caches (96 channels at 160²: 34 GFLOP/s against 95 at 80²).
 */
#define BAND_PREFETCH 4
/* Phase rows [i0, i0 + n) of one channel xc: returns the end of what it wrote. */
static float *copy_channel(const Window *w, const float *xc, int64_t i0, int64_t n, float *dst) {
  const int64_t Wq = phase_width(w), W = w->in[2], sh = w->stride[1], sw = w->stride[2], pl = w->pad[2];
  for (int64_t ph = 0; ph < sh; ph++)
    for (int64_t pw = 0; pw < sw; pw++)
      for (int64_t i = i0; i < i0 + n; i++, dst += Wq) {
        const int64_t h = sh * i + ph - w->pad[1];
        if (h < 0 || h >= w->in[1]) {
          memset(dst, 0, (size_t)Wq * sizeof(float));
          continue;
        }
        const float *xr = xc + h * W;
        if (sw == 1) {
          for (int64_t j = 0; j < pl; j++) dst[j] = 0.0f;
          memcpy(dst + pl, xr, (size_t)W * sizeof(float));
          for (int64_t j = pl + W; j < Wq; j++) dst[j] = 0.0f;
        } else
          for (int64_t j = 0; j < Wq; j++) { /* padded column sw·j + pw */
            const int64_t q = sw * j + pw - pl;
            dst[j] = q >= 0 && q < W ? xr[q] : 0.0f;
          }
      }
  return dst;
}

/* copy_channel at unit W stride for the direct path: per row, zone(w) zeros then the row. */
static float *copy_channel_zoned(const Window *w, const float *xc, int64_t i0, int64_t n, float *dst) {
  const int64_t S = strip_width(w), W = w->in[2], sh = w->stride[1], z = zone(w);
  for (int64_t ph = 0; ph < sh; ph++)
    for (int64_t i = i0; i < i0 + n; i++, dst += S) {
      const int64_t h = sh * i + ph - w->pad[1];
      if (h < 0 || h >= w->in[1]) {
        memset(dst, 0, (size_t)S * sizeof(float));
        continue;
      }
      for (int64_t j = 0; j < z; j++) dst[j] = 0.0f;
      memcpy(dst + z, xc + h * W, (size_t)W * sizeof(float));
    }
  return dst;
}

static void copy_band(const Direct *d, const float *xg, int64_t i0, int64_t n, float *dst) {
  const Window *w = d->w;
  const int64_t cg = w->channels / d->group, W = w->in[2], sh = w->stride[1];
  int64_t h0 = sh * i0 - w->pad[1], h1 = sh * (i0 + n) - w->pad[1];
  h0 = h0 < 0 ? 0 : h0, h1 = h1 > w->in[1] ? w->in[1] : h1;
  for (int64_t c = 0; c < cg; c++) {
    if (c + BAND_PREFETCH < cg && h1 > h0) { /* a few channels ahead: the rows are one run of memory each */
      const char *p = (const char *)(xg + ((c + BAND_PREFETCH) * w->in[1] + h0) * W);
      for (int64_t b = 0; b < (h1 - h0) * W * (int64_t)sizeof(float); b += 64) __builtin_prefetch(p + b);
    }
    dst = w->stride[2] == 1 ? copy_channel_zoned(w, xg + c * w->in[1] * W, i0, n, dst)
                            : copy_channel(w, xg + c * w->in[1] * W, i0, n, dst);
  }
  memset(dst, 0, (size_t)(COL_ALIGN + d->t.cols + 2 * strip_width(w)) * sizeof(float));
}

/*
 * One band of output rows × one chunk of filter blocks of one image and group: its padded input rows into the
 * thread's band buffer, tiles into its result buffer, then the valid columns to Y with the post-ops.
 */
static void band_task(void *ctx, int64_t task, int tid) {
  const Direct *d = ctx;
  const Window *w = d->w;
  const Tile t = d->t;
  const int64_t band = task % d->bands, chunk = task / d->bands % d->mchunks, ng = task / d->bands / d->mchunks;
  const int64_t g = ng % d->group, n = ng / d->group;
  const int64_t mg = w->out_channels / d->group, cg = w->channels / d->group, taps = window_taps(w);
  const int64_t Wq = strip_width(w), OH = w->out[1], OW = w->out[2], P = OH * OW, sh = w->stride[1], sw = w->stride[2];
  const int64_t oh0 = band * d->rows, oh1 = oh0 + d->rows < OH ? oh0 + d->rows : OH, in_rows = oh1 - oh0 + halo(w);
  const int64_t cols = round_up((oh1 - oh0) * Wq, COL_ALIGN);
  int64_t offs[64]; /* per tap: its phase's start in the band, then its row and column in the phase */
  for (int64_t kh = 0, k = 0; kh < w->kernel[1]; kh++)
    for (int64_t kw = 0; kw < w->kernel[2]; kw++) {
      const int64_t r = kh * w->dilation[1], q = kw * w->dilation[2];
      offs[k++] = ((r % sh) * sw + q % sw) * in_rows * Wq + r / sh * Wq + q / sw + strip_lead(w);
    }
  const int64_t m0 = chunk * d->mchunk, m1 = m0 + d->mchunk < mg ? m0 + d->mchunk : mg;
  float *xb = d->scratch + (size_t)tid * (size_t)d->slot, *out = xb + d->band_slot;
  copy_band(d, d->x + (n * w->channels + g * cg) * window_in_size(w), oh0, in_rows, xb);
  for (int64_t mb = m0; mb < m1; mb += t.mb) {
    float bias[16] = {0};
    for (int64_t i = 0; i < t.mb && mb + i < mg; i++) bias[i] = d->bias ? d->bias[g * mg + mb + i] : 0.0f;
    const float *wb = d->wp + ((g * round_up(mg, t.mb) + mb) * cg) * taps;
    t.fn(xb, phases(w) * in_rows * Wq, wb, offs, taps, cg, bias, cols, out + (mb - m0) * cols, cols);
  }
  for (int64_t m = m0; m < m1; m++) {
    const float *o = out + (m - m0) * cols;
    float *ym = d->y + (n * w->out_channels + g * mg + m) * P + oh0 * OW;
    for (int64_t r = 0; r < oh1 - oh0; r++) memcpy(ym + r * OW, o + r * Wq, (size_t)OW * sizeof(float));
    if (d->f) post_apply(d->f, ym, (size_t)((oh1 - oh0) * OW), g * mg + m);
  }
}

/*
 * What a split costs, roughly, in ns on one core (AVX-512, measured on the shapes of the tests' models): a
 * multiply-add of the tiles (columns rounded up to vectors included), a float of the band's padded copy, a
 * float of the result copied to Y with the post-ops, a task handed out, and a split between threads (handing
 * out, the threads' uneven finish). The split is the one whose slowest thread is estimated to finish first.
 */
#define DIRECT_FMA_NS (1.0 / 48.0)
#define DIRECT_COPY_NS 0.2
#define DIRECT_OUT_NS 0.1
#define DIRECT_TASK_NS 300.0
#define DIRECT_SPLIT_NS 4000.0

typedef struct Split {
  int64_t rows, mchunk;
  double ns; /* estimated, the slowest thread's */
} Split;

static double split_ns(const Window *w, Tile t, int64_t cg, int64_t mg, int64_t images, int64_t rows, int64_t mchunk,
                       int threads) {
  const int64_t Wq = strip_width(w), OH = w->out[1];
  const int64_t tasks = (OH + rows - 1) / rows * ((mg + mchunk - 1) / mchunk) * images;
  const double fmas = (double)(round_up(mchunk < mg ? mchunk : mg, t.mb) * cg * window_taps(w)) *
                      (double)round_up(rows * Wq, COL_ALIGN);
  const double copied = (double)(cg * phases(w) * (rows + halo(w)) * Wq), written = (double)(mchunk * rows * w->out[2]);
  const double task = fmas * DIRECT_FMA_NS + copied * DIRECT_COPY_NS + written * DIRECT_OUT_NS + DIRECT_TASK_NS;
  return (double)((tasks + threads - 1) / threads) * task;
}

/* The cheapest (rows per band, filters per task) on `threads` threads that the buffers hold: every chunking of
 * the filter blocks, every band count (each as the fewest rows that give it). */
static Split best_split(const Window *w, Tile t, int64_t cg, int64_t mg, int64_t images, int threads) {
  const int64_t OH = w->out[1], Wq = strip_width(w), blocks = round_up(mg, t.mb) / t.mb, out_slot = out_floats(w, t);
  const int64_t max_rows = band_rows(w, cg);
  Split best = {1, t.mb, -1.0};
  for (int64_t k = 1; k <= blocks; k++) { /* k chunks of filter blocks */
    const int64_t mchunk = (blocks + k - 1) / k * t.mb;
    if (k > 1 && mchunk == (blocks + k - 2) / (k - 1) * t.mb) continue; /* the same chunks as k − 1 */
    int64_t rows = (out_slot / mchunk - COL_ALIGN + 1) / Wq;
    rows = rows > max_rows ? max_rows : rows;
    for (int64_t b = (OH + rows - 1) / (rows < 1 ? 1 : rows); rows >= 1 && b <= OH; b++) {
      const int64_t r = (OH + b - 1) / b;
      if (b > 1 && r == (OH + b - 2) / (b - 1)) continue; /* the same bands as b − 1 */
      const double ns = split_ns(w, t, cg, mg, images, r, mchunk, threads);
      if (best.ns < 0 || ns < best.ns) best = (Split){r, mchunk, ns};
    }
  }
  return best;
}

void conv_direct(const float *x, const float *packed, const float *wt, const float *bias, float *y, const Window *w,
                 int64_t group, const Fused *f, float *scratch) {
  const Tile t = direct_tile();
  const int64_t mg = w->out_channels / group, cg = w->channels / group, OH = w->out[1], images = group * w->batch;
  ThreadPool *pool = cpu_pool();
  const int threads = pool_threads(pool);
  Direct d = {x, packed, bias, y, scratch, w, f, t, group, 0, 0, 0, 0, 0, band_floats(w, cg, t)};
  d.slot = d.band_slot + out_floats(w, t);
  if (!packed) { /* weights computed at run time: packed per run after the threads' buffers */
    float *wp = scratch + (size_t)d.slot * (size_t)threads;
    conv_direct_pack(wt, w, group, wp);
    d.wp = wp;
  }
  /* Split between threads only when that is estimated to finish sooner by more than the split costs: a 16-channel
   * conv at 16² split 4 tasks a thread ran slower on 2 threads than on 1 (bands of 2 rows, each copying 4). */
  Split s = best_split(w, t, cg, mg, images, 1);
  if (threads > 1 && parallel_worth(pool, s.ns)) {
    const Split par = best_split(w, t, cg, mg, images, threads);
    if (par.ns + (double)cpu_min_split((size_t)DIRECT_SPLIT_NS) < s.ns) s = par; /* tests: split even tiny convs */
    else pool = NULL;
  } else pool = NULL;
  d.rows = s.rows, d.mchunk = s.mchunk;
  d.bands = (OH + d.rows - 1) / d.rows;
  d.mchunks = (mg + d.mchunk - 1) / d.mchunk;
  parallel_for(pool, d.bands * d.mchunks * images, band_task, &d);
}

/*
 * Depthwise 2-D convs (one input channel per group) the same way: per (image, output channel, band of rows),
 * the channel's padded band (split by stride phase), then vector tiles where each tap is one broadcast weight
 * and a constant offset. conv-depthwise.c's rows computed the columns whose taps reach into the padding one
 * point at a time: at PP-OCRv4's 5×5 at 20² and 40², most of a row.
 */
#define DW_BAND_FLOATS 32768

static int64_t dw_rows(const Window *w) {
  int64_t rows = DW_BAND_FLOATS / (phases(w) * phase_width(w)) - halo(w);
  return rows < 1 ? 1 : rows > w->out[1] ? w->out[1] : rows;
}
static int64_t dw_band_floats(const Window *w, Tile t) {
  return round_up(phases(w) * (dw_rows(w) + halo(w)) * phase_width(w) + t.dw_cols + phase_width(w), 16);
}
static int64_t dw_out_floats(const Window *w, Tile t) { return round_up(dw_rows(w) * phase_width(w), t.dw_cols); }

/*
 * Where the band's copy pays: windows wider than 3×3, or rows of at most 64 outputs (where conv-depthwise.c's
 * edge points are a large part of a row). Measured (1 thread, AVX-512, old → direct): 5×5 384ch at 20² 1.23 →
 * 0.38 ms, 5×5 192ch at 40² 1.23 → 0.48, 3×3 16ch at 16² 12 → 5 µs, 3×3/2 96ch at 80² 0.40 → 0.35; but 3×3 at
 * 160² 0.99 → 1.30 and 3×3/2 at 320² 2.45 → 5.6 (long rows: few edge points, and the copy costs).
 */
int conv_direct_depthwise_fits(const Window *w, uint32_t spatial) {
  const int64_t taps = window_taps(w);
  if (!direct_tile().dw || spatial != 2 || w->stride[1] > 2 || w->stride[2] > 2 || taps < 2 || taps > 64) return 0;
  return taps > 9 || w->out[2] <= 64;
}

size_t conv_direct_depthwise_scratch_floats(const Window *w, int threads) {
  const Tile t = direct_tile();
  return (size_t)(dw_band_floats(w, t) + dw_out_floats(w, t)) * (size_t)threads;
}

typedef struct DirectDw {
  const float *x, *wt, *bias;
  float *y, *scratch;
  const Window *w;
  const Fused *f;
  Tile t;
  int64_t rows, bands, slot;
  /* Per tap: its phase (the band's phases are in_rows · Wq floats apart) and its row and column shift inside
   * the phase. Found once per conv: the divisions, per task, were most of a task of a 5×5 conv at 2×96. */
  int64_t tap_phase[64], tap_shift[64];
} DirectDw;

static void dw_task(void *ctx, int64_t task, int tid) {
  const DirectDw *d = ctx;
  const Window *w = d->w;
  const Tile t = d->t;
  const int64_t band = task % d->bands, nm = task / d->bands, m = nm % w->out_channels, n = nm / w->out_channels;
  const int64_t per = w->out_channels / w->channels, taps = window_taps(w), Wq = phase_width(w);
  const int64_t OH = w->out[1], OW = w->out[2];
  const int64_t oh0 = band * d->rows, oh1 = oh0 + d->rows < OH ? oh0 + d->rows : OH, in_rows = oh1 - oh0 + halo(w);
  const int64_t cols = round_up((oh1 - oh0) * Wq, t.dw_cols);
  float *xb = d->scratch + (size_t)tid * (size_t)d->slot, *out = xb + dw_band_floats(w, t);
  float *end = copy_channel(w, d->x + (n * w->channels + m / per) * window_in_size(w), oh0, in_rows, xb);
  memset(end, 0, (size_t)(t.dw_cols + Wq) * sizeof(float));
  int64_t offs[64];
  for (int64_t k = 0; k < taps; k++) offs[k] = d->tap_phase[k] * in_rows * Wq + d->tap_shift[k];
  t.dw(xb, d->wt + m * taps, offs, taps, d->bias ? d->bias[m] : 0.0f, cols / t.dw_cols, out);
  float *ym = d->y + (n * w->out_channels + m) * OH * OW + oh0 * OW;
  /* Plain loops, not a memcpy call per row: rows of 16 floats (mobilenet.onnx's 16²) cost a call each. */
  for (int64_t r = 0; r < oh1 - oh0; r++) {
    const float *o = out + r * Wq;
    float *yr = ym + r * OW;
    for (int64_t j = 0; j < OW; j++) yr[j] = o[j];
  }
  if (d->f) post_apply(d->f, ym, (size_t)((oh1 - oh0) * OW), m);
}

void conv_direct_depthwise(const float *x, const float *wt, const float *bias, float *y, const Window *w, const Fused *f,
                           float *scratch) {
  const Tile t = direct_tile();
  DirectDw d = {x, wt, bias, y, scratch, w, f, t, dw_rows(w), 0, dw_band_floats(w, t) + dw_out_floats(w, t), {0}, {0}};
  const int64_t sh = w->stride[1], sw = w->stride[2], Wq = phase_width(w);
  for (int64_t kh = 0, k = 0; kh < w->kernel[1]; kh++)
    for (int64_t kw = 0; kw < w->kernel[2]; kw++, k++) {
      const int64_t r = kh * w->dilation[1], q = kw * w->dilation[2];
      d.tap_phase[k] = (r % sh) * sw + q % sw;
      d.tap_shift[k] = r / sh * Wq + q / sw;
    }
  d.bands = (w->out[1] + d.rows - 1) / d.rows;
  const double task_ns = (double)window_taps(w) * (double)d.rows * (double)phase_width(w) / 8.0 + 200.0;
  parallel_for_cost(cpu_pool(), w->batch * w->out_channels * d.bands, task_ns, dw_task, &d);
}
