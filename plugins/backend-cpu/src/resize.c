/*
 * Resize (float32, opsets 10-19): nearest (every nearest_mode), linear (bi-, trilinear: any rank) and cubic,
 * every coordinate_transformation_mode, scales or sizes, axes, keep_aspect_ratio_policy, antialias,
 * exclude_outside, extrapolation_value, as the interp's kernel (src/backends/interp/kernels/resize.ts, after
 * onnx/reference/ops/op_resize.py): the same source coordinates and rounding computed in double, so nearest
 * picks the same pixels bit for bit.
 *
 * roi, scales and sizes are read at create() and must be weights (constants): the planner needs them to know
 * Y's dims anyway; any other case is refused. Nearest gathers each output element straight from X (an output
 * row whose source row repeats the previous one is a memcpy: ×2 upsampling copies half its rows); linear and
 * cubic are separable and run one pass per resized axis (see pass_order) through two scratch buffers.
 *
 * Metadata: [mode, coordinate_mode, nearest_mode, cubic_a_bits, exclude_outside, extrapolation_bits, antialias,
 * keep_aspect_ratio_policy, legacy, n_axes, axes(n)] (src/plan/metadata/resize.ts has the value lists), and for
 * Upsample-7 (scales an attribute, X the only input) then scales_bits(n).
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "threads.h"

enum { MODE_NEAREST, MODE_LINEAR, MODE_CUBIC };
enum { HALF_PIXEL, HALF_PIXEL_SYMMETRIC, PYTORCH_HALF_PIXEL, ALIGN_CORNERS, ASYMMETRIC, TF_HALF_PIXEL_FOR_NN, TF_CROP_AND_RESIZE };
enum { ROUND_PREFER_FLOOR, ROUND_PREFER_CEIL, NEAREST_FLOOR, NEAREST_CEIL, NEAREST_LEGACY };
enum { STRETCH, NOT_LARGER, NOT_SMALLER };
#define MAX_TAPS 4096 /* antialiased filters widen by 1/scale: refuse absurd shrink factors */

typedef struct Plan {
  int mode, coord, nearest, exclude, antialias;
  double cubic_a;
  float extrapolation;
  uint32_t rank;
  int64_t in[64], out[64];
  /* Per axis: the un-floored resized length (in · scale, or the size given), the scale, the roi. */
  double resized[64], scale[64], roi_start[64], roi_end[64];
} Plan;

/* JavaScript's Math.round (ties toward +∞), which the interp uses. */
static double js_round(double v) {
  double r = floor(v);
  return v - r >= 0.5 ? r + 1.0 : r;
}

/* Input i when present and non-empty (an empty roi/scales is "not given", as in the spec); else NULL. */
static const HoduManifestTensor *given(const KernelCall *c, uint32_t i) {
  if (i >= c->step->input_count) return NULL;
  const HoduManifestTensor *t = in_tensor(c, i);
  return t && numel(t) > 0 ? t : NULL;
}

/* Y's dims, scales and roi from the inputs (roi, scales or sizes: constants read here), on the axes given. */
static int32_t plan_from_inputs(const KernelCall *c, Plan *p, const uint32_t *axes, uint32_t n_axes, int policy, int legacy,
                                char *err, size_t err_cap) {
  const HoduManifestTensor *roi = legacy ? NULL : given(c, 1), *scales = given(c, legacy ? 1 : 2);
  const HoduManifestTensor *sizes = legacy ? NULL : given(c, 3);
  REQUIRE((scales == NULL) != (sizes == NULL), "exactly one of scales and sizes must be given");
  const HoduManifestTensor *inputs[3] = {roi, scales, sizes};
  for (int i = 0; i < 3; i++)
    REQUIRE(!inputs[i] || inputs[i]->role == HODU_ROLE_WEIGHT, "roi, scales and sizes must be constants (read at create)");
  REQUIRE(!roi || roi->dtype == HODU_DTYPE_FLOAT32, "roi is not float32");
  REQUIRE(!scales || scales->dtype == HODU_DTYPE_FLOAT32, "scales is not float32");
  REQUIRE(!sizes || sizes->dtype == HODU_DTYPE_INT64, "sizes is not int64");
  if (sizes) {
    const int64_t *sz = c->ptrs[hodu_manifest_step_input(c->step, 3)];
    REQUIRE(numel(sizes) == (size_t)n_axes, "sizes has %zu entries for %u axes", numel(sizes), (unsigned)n_axes);
    if (policy == STRETCH) {
      for (uint32_t i = 0; i < n_axes; i++) {
        uint32_t a = axes[i];
        p->out[a] = sz[i], p->resized[a] = (double)sz[i], p->scale[a] = (double)sz[i] / (double)p->in[a];
      }
    } else {
      double s = 0.0;
      for (uint32_t i = 0; i < n_axes; i++) {
        double r = (double)sz[i] / (double)p->in[axes[i]];
        if (i == 0 || (policy == NOT_LARGER ? r < s : r > s)) s = r;
      }
      for (uint32_t i = 0; i < n_axes; i++) {
        uint32_t a = axes[i];
        p->out[a] = (int64_t)js_round(s * (double)p->in[a]), p->resized[a] = s * (double)p->in[a], p->scale[a] = s;
      }
    }
  } else {
    const float *sc = c->ptrs[hodu_manifest_step_input(c->step, legacy ? 1 : 2)];
    REQUIRE(numel(scales) == (size_t)n_axes, "scales has %zu entries for %u axes", numel(scales), (unsigned)n_axes);
    for (uint32_t i = 0; i < n_axes; i++) {
      uint32_t a = axes[i];
      double s = (double)sc[i];
      REQUIRE(s > 0.0, "scales must be positive");
      p->out[a] = (int64_t)floor((double)p->in[a] * s), p->resized[a] = (double)p->in[a] * s, p->scale[a] = s;
    }
  }
  if (roi) {
    const float *r = c->ptrs[hodu_manifest_step_input(c->step, 1)];
    REQUIRE(numel(roi) == 2 * (size_t)n_axes, "roi has %zu entries for %u axes", numel(roi), (unsigned)n_axes);
    for (uint32_t i = 0; i < n_axes; i++) p->roi_start[axes[i]] = r[i], p->roi_end[axes[i]] = r[n_axes + i];
  }
  return HODU_OK;
}

static int32_t make_plan(const KernelCall *c, Plan *p, char *err, size_t err_cap) {
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x && y && c->step->metadata_count >= 10);
  int64_t n_axes = meta(c, 9);
  REQUIRE_META(n_axes >= 0 && n_axes <= 64);
  /* Upsample-7: its scales attribute follows the axes (one float per axis); every other form has none. */
  const int attr_scales = c->step->metadata_count == 10 + 2 * (uint64_t)n_axes && n_axes > 0;
  REQUIRE_META(c->step->metadata_count == 10 + (uint64_t)n_axes || attr_scales);
  REQUIRE(x->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_FLOAT32, "X or Y is not float32");
  REQUIRE_META(x->rank == y->rank && x->rank <= 64);
  p->mode = (int)meta(c, 0), p->coord = (int)meta(c, 1), p->nearest = (int)meta(c, 2);
  p->cubic_a = (double)meta_f(c, 3), p->exclude = meta(c, 4) != 0, p->extrapolation = meta_f(c, 5);
  p->antialias = meta(c, 6) != 0;
  int policy = (int)meta(c, 7), legacy = meta(c, 8) != 0;
  REQUIRE(p->mode >= MODE_NEAREST && p->mode <= MODE_CUBIC, "unknown mode");
  REQUIRE(p->coord >= HALF_PIXEL && p->coord <= TF_CROP_AND_RESIZE, "unknown coordinate_transformation_mode");
  REQUIRE(p->nearest >= ROUND_PREFER_FLOOR && p->nearest <= NEAREST_LEGACY, "unknown nearest_mode");
  REQUIRE(policy >= STRETCH && policy <= NOT_SMALLER, "unknown keep_aspect_ratio_policy");
  p->rank = x->rank;
  uint32_t axes[64];
  uint64_t seen = 0;
  for (uint32_t i = 0; i < (uint32_t)n_axes; i++) {
    int64_t a = meta(c, 10 + i);
    REQUIRE_META(a >= 0 && a < (int64_t)p->rank);
    REQUIRE(!(seen & (1ull << a)), "axes repeat an axis");
    seen |= 1ull << a;
    axes[i] = (uint32_t)a;
  }
  for (uint32_t a = 0; a < p->rank; a++) {
    p->in[a] = p->out[a] = dim(x, a);
    p->resized[a] = (double)p->in[a], p->scale[a] = 1.0, p->roi_start[a] = 0.0, p->roi_end[a] = 1.0;
  }
  if (attr_scales) {
    REQUIRE_META(legacy && c->step->input_count == 1);
    for (uint32_t i = 0; i < (uint32_t)n_axes; i++) {
      uint32_t a = axes[i];
      double s = (double)meta_f(c, 10 + (uint32_t)n_axes + i);
      /* The spec (and the interp) require scales ≥ 1; refused, the interp reports it. */
      REQUIRE(s >= 1.0, "Upsample scales must be >= 1");
      p->out[a] = (int64_t)floor((double)p->in[a] * s), p->resized[a] = (double)p->in[a] * s, p->scale[a] = s;
    }
  } else {
    int32_t st = plan_from_inputs(c, p, axes, (uint32_t)n_axes, policy, legacy, err, err_cap);
    if (st != HODU_OK) return st;
  }
  for (uint32_t a = 0; a < p->rank; a++) {
    if (p->out[a] != dim(y, a)) REFUSE(HODU_ERR_INVALID_ARGUMENT, "Y's dim %u is %lld, the resize gives %lld", (unsigned)a, (long long)dim(y, a), (long long)p->out[a]);
    REQUIRE(p->in[a] > 0 || p->out[a] == 0, "cannot resize an empty axis %u", (unsigned)a);
  }
  return HODU_OK;
}

static int identity_axis(const Plan *p, uint32_t a) {
  return p->out[a] == p->in[a] && p->scale[a] == 1.0 && p->coord != TF_CROP_AND_RESIZE;
}

static double source_coordinate(const Plan *p, uint32_t a, double x) {
  const double in = (double)p->in[a], out = p->resized[a], scale = p->scale[a];
  switch (p->coord) {
    case HALF_PIXEL: return (x + 0.5) / scale - 0.5;
    case HALF_PIXEL_SYMMETRIC: {
      double adjustment = (double)p->out[a] / out, offset = (in / 2) * (1 - adjustment);
      return offset + (x + 0.5) / scale - 0.5;
    }
    case PYTORCH_HALF_PIXEL: return out > 1 ? (x + 0.5) / scale - 0.5 : -0.5;
    case ALIGN_CORNERS: return out == 1 ? 0 : (x * (in - 1)) / (out - 1);
    case ASYMMETRIC: return x / scale;
    case TF_HALF_PIXEL_FOR_NN: return (x + 0.5) / scale;
    default: {
      double s = p->roi_start[a], e = p->roi_end[a];
      return out > 1 ? s * (in - 1) + (x * (e - s) * (in - 1)) / (out - 1) : ((e - s) * (in - 1)) / 2 + s * (in - 1);
    }
  }
}

static int64_t nearest_index(const Plan *p, double x, double scale) {
  switch (p->nearest) {
    case ROUND_PREFER_FLOOR: return (int64_t)(x - floor(x) == 0.5 ? floor(x) : js_round(x));
    case ROUND_PREFER_CEIL: return (int64_t)js_round(x);
    case NEAREST_FLOOR: return (int64_t)floor(x);
    case NEAREST_CEIL: return (int64_t)ceil(x);
    default: return (int64_t)(scale < 1 ? ceil(x) : trunc(x));
  }
}

static double cubic_kernel(double x, double a) {
  double t = fabs(x);
  if (t <= 1) return ((a + 2) * t - (a + 3)) * t * t + 1;
  if (t < 2) return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
  return 0;
}

/* The filter's support along axis a: taps start at floor(x) + first and there are `count` of them. */
static int64_t filter_first(const Plan *p, uint32_t a) {
  double s = p->antialias ? fmin(p->scale[a], 1.0) : 1.0;
  return (int64_t)floor((p->mode == MODE_LINEAR ? -1.0 : -2.0) / s) + 1;
}
static int64_t tap_count(const Plan *p, uint32_t a) { return p->mode == MODE_NEAREST ? 1 : 2 - 2 * filter_first(p, a); }

/* Nearest: X's index along axis a for each output index (−1: outside the roi, extrapolated). */
static void nearest_table(const Plan *p, uint32_t a, int32_t *idx) {
  for (int64_t j = 0; j < p->out[a]; j++) {
    if (identity_axis(p, a)) {
      idx[j] = (int32_t)j;
      continue;
    }
    double x = source_coordinate(p, a, (double)j);
    if (p->coord == TF_CROP_AND_RESIZE && (x < 0 || x > (double)(p->in[a] - 1))) {
      idx[j] = -1;
      continue;
    }
    int64_t i = nearest_index(p, x, p->scale[a]);
    idx[j] = (int32_t)(i < 0 ? 0 : i >= p->in[a] ? p->in[a] - 1 : i);
  }
}

/* Linear/cubic taps of axis a: count per output index (idx, weight), outside[j] = 1 to extrapolate. */
static void filter_taps(const Plan *p, uint32_t a, int64_t count, int32_t *idx, float *weight, uint8_t *outside) {
  const double s = p->antialias ? fmin(p->scale[a], 1.0) : 1.0;
  const int64_t first = filter_first(p, a), in = p->in[a];
  double w[MAX_TAPS];
  for (int64_t j = 0; j < p->out[a]; j++) {
    double x = source_coordinate(p, a, (double)j);
    outside[j] = p->coord == TF_CROP_AND_RESIZE && (x < 0 || x > (double)(in - 1));
    if (outside[j]) continue;
    double base = floor(x), ratio = x - base, total = 0;
    for (int64_t k = 0; k < count; k++) {
      double d = ((double)(first + k) - ratio) * s;
      double v = p->mode == MODE_LINEAR ? fmax(0.0, 1 - fabs(d)) : cubic_kernel(d, p->cubic_a);
      int64_t i = (int64_t)base + first + k;
      if (p->exclude && (i < 0 || i >= in)) v = 0;
      idx[j * count + k] = (int32_t)(i < 0 ? 0 : i >= in ? in - 1 : i);
      w[k] = v;
      total += v;
    }
    /* Antialiased and exclude_outside filters are renormalized to sum to one. */
    int renorm = (p->exclude || p->antialias) && total != 0;
    for (int64_t k = 0; k < count; k++) weight[j * count + k] = (float)(renorm ? w[k] / total : w[k]);
  }
}

/*
 * The resized axes in the order their passes run: the interp's (axis 0 first) for tf_crop_and_resize, whose
 * extrapolated rows must not be interpolated by a later pass; otherwise the axes that shrink most first and,
 * among equal factors, the last axis first, so that the intermediates stay small and the scalar pass along the
 * contiguous axis (one element per output row) runs on the smaller tensor (×2 bilinear: on X, not on 2X).
 * Separable filters commute, so only float rounding depends on the order.
 */
static uint32_t pass_order(const Plan *p, uint32_t *axes) {
  uint32_t n = 0;
  for (uint32_t a = 0; a < p->rank; a++)
    if (!identity_axis(p, a)) axes[n++] = a;
  if (p->coord == TF_CROP_AND_RESIZE) return n;
  for (uint32_t i = 1; i < n; i++) /* insertion sort by (out/in ascending, axis descending) */
    for (uint32_t k = i; k > 0; k--) {
      uint32_t a = axes[k - 1], b = axes[k];
      double ra = (double)p->out[a] / (double)p->in[a], rb = (double)p->out[b] / (double)p->in[b];
      if (rb < ra || (rb == ra && b > a)) axes[k - 1] = b, axes[k] = a;
      else break;
    }
  return n;
}

/* Scratch layout (floats): [buffer A][buffer B][taps: idx (int32), weight, outside flags]. */
typedef struct Layout {
  size_t buf, taps; /* floats of each buffer; of the taps area */
} Layout;

static Layout layout_of(const Plan *p) {
  Layout l = {0, 0};
  size_t taps = 0, sum_out = 0, size = 1;
  int64_t dims[64];
  uint32_t order[64];
  for (uint32_t a = 0; a < p->rank; a++) dims[a] = p->in[a], size *= (size_t)p->in[a], sum_out += (size_t)p->out[a];
  uint32_t n = pass_order(p, order);
  for (uint32_t i = 0; i < n; i++) {
    uint32_t a = order[i];
    size = dims[a] ? size / (size_t)dims[a] * (size_t)p->out[a] : 0;
    dims[a] = p->out[a];
    if (i + 1 < n && size > l.buf) l.buf = size;
    size_t t = (size_t)p->out[a] * ((size_t)tap_count(p, a) * 2 + 1);
    if (t > taps) taps = t;
  }
  l.taps = p->mode == MODE_NEAREST ? sum_out : taps;
  return l;
}

int32_t check_resize(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  REQUIRE_META(c->step->input_count >= 1 && c->step->output_count == 1);
  Plan p;
  int32_t s = make_plan(c, &p, err, err_cap);
  if (s != HODU_OK) return s;
  for (uint32_t a = 0; a < p.rank; a++) REQUIRE(identity_axis(&p, a) || tap_count(&p, a) <= MAX_TAPS, "the filter of axis %u is too wide", (unsigned)a);
  Layout l = layout_of(&p);
  *scratch = p.mode == MODE_NEAREST ? l.taps : 2 * l.buf + l.taps;
  return HODU_OK;
}

/* A task's range of rows (all axes but the last) of the output, at least ~64 KiB of floats per task. */
static int64_t rows_per_task(size_t rows, size_t row_len) {
  size_t chunk = cpu_min_split(16384), per = (chunk + row_len - 1) / (row_len ? row_len : 1);
  if (rows * row_len < 4 * chunk) per = rows;
  return (int64_t)(per ? per : 1);
}

typedef struct Nearest {
  const Plan *p;
  const float *x;
  float *y;
  const int32_t *const *idx; /* per axis */
  int64_t xstride[64];
  size_t rows, per_task;
} Nearest;

static void nearest_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Nearest *g = ctx;
  const Plan *p = g->p;
  const uint32_t rank = p->rank, last = rank - 1;
  const size_t n = (size_t)p->out[last], first = (size_t)task * g->per_task;
  const size_t end = first + g->per_task < g->rows ? first + g->per_task : g->rows;
  const int32_t *li = g->idx[last];
  int64_t j[64];
  size_t r = first;
  for (int64_t a = (int64_t)last - 1; a >= 0; a--) j[a] = (int64_t)(r % (size_t)p->out[a]), r /= (size_t)p->out[a];
  int64_t prev = -2; /* source row offset of the previous output row (−1: extrapolated) */
  for (size_t row = first; row < end; row++) {
    int64_t off = 0;
    for (uint32_t a = 0; a < last; a++) {
      int32_t i = g->idx[a][j[a]];
      if (i < 0) {
        off = -1;
        break;
      }
      off += i * g->xstride[a];
    }
    float *y = g->y + row * n;
    if (off == prev && row > first) memcpy(y, y - n, n * sizeof(float));
    else if (off < 0) for (size_t k = 0; k < n; k++) y[k] = p->extrapolation;
    else {
      const float *x = g->x + off;
      for (size_t k = 0; k < n; k++) y[k] = li[k] < 0 ? p->extrapolation : x[li[k]];
    }
    prev = off;
    for (int64_t a = (int64_t)last - 1; a >= 0; a--) {
      if (++j[a] < p->out[a]) break;
      j[a] = 0;
    }
  }
}

static void run_nearest(const KernelCall *c, const Plan *p) {
  const int32_t *idx[64];
  int32_t *at = (int32_t *)c->scratch;
  Nearest g = {p, in_f32(c, 0), out_f32(c, 0), idx, {0}, 1, 1};
  int64_t acc = 1;
  for (int64_t a = (int64_t)p->rank - 1; a >= 0; a--) g.xstride[a] = acc, acc *= p->in[a];
  for (uint32_t a = 0; a < p->rank; a++) {
    nearest_table(p, a, at);
    idx[a] = at;
    at += p->out[a];
  }
  for (uint32_t a = 0; a + 1 < p->rank; a++) g.rows *= (size_t)p->out[a];
  g.per_task = (size_t)rows_per_task(g.rows, (size_t)p->out[p->rank - 1]);
  /* ~0.5 ns an output element (a gathered load; a repeated row is a memcpy, cheaper) */
  parallel_for_cost(cpu_pool(), (int64_t)((g.rows + g.per_task - 1) / g.per_task),
                    0.5 * (double)(g.per_task * (size_t)p->out[p->rank - 1]), nearest_task, &g);
}

typedef struct Pass {
  const float *src;
  float *dst;
  const int32_t *idx;
  const float *weight;
  const uint8_t *outside;
  int64_t count, in, out;
  size_t inner, rows, per_task; /* rows = outer · out */
  float extrapolation;
} Pass;

/*
 * Output rows [first, end) of a pass, row (q, j) being dst[q, j, :] = Σ_k w_k · src[q, idx_k, :] over the
 * `inner` trailing elements. (q, j) is stepped, not divided out per row: along the last axis a row is one element.
 */
static void pass_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Pass *g = ctx;
  const size_t first = (size_t)task * g->per_task, end = first + g->per_task < g->rows ? first + g->per_task : g->rows;
  const size_t inner = g->inner, out = (size_t)g->out, count = (size_t)g->count;
  size_t q = first / out, j = first % out;
  for (size_t row = first; row < end; row++) {
    float *dst = g->dst + row * inner;
    const float *src = g->src + q * (size_t)g->in * inner;
    const int32_t *idx = g->idx + j * count;
    const float *w = g->weight + j * count;
    if (g->outside[j]) {
      for (size_t i = 0; i < inner; i++) dst[i] = g->extrapolation;
    } else if (inner == 1) {
      float acc = 0.0f;
      for (size_t k = 0; k < count; k++)
        if (w[k] != 0.0f) acc += w[k] * src[idx[k]];
      dst[0] = acc;
    } else {
      /* A zero weight is skipped (as the interp does), so an inf or NaN it would multiply stays out. The first
       * two non-zero taps are one fused loop (all of bilinear), the rest accumulate. */
      size_t k = 0;
      while (k < count && w[k] == 0.0f) k++;
      if (k == count) {
        for (size_t i = 0; i < inner; i++) dst[i] = 0.0f;
      } else {
        const float w0 = w[k], *s0 = src + (size_t)idx[k] * inner;
        for (k++; k < count && w[k] == 0.0f; k++) {}
        if (k == count) {
          for (size_t i = 0; i < inner; i++) dst[i] = 0.0f + w0 * s0[i];
        } else {
          const float w1 = w[k], *s1 = src + (size_t)idx[k] * inner;
          for (size_t i = 0; i < inner; i++) dst[i] = (0.0f + w0 * s0[i]) + w1 * s1[i];
          for (k++; k < count; k++) {
            const float wk = w[k], *s = src + (size_t)idx[k] * inner;
            if (wk != 0.0f)
              for (size_t i = 0; i < inner; i++) dst[i] += wk * s[i];
          }
        }
      }
    }
    if (++j == out) j = 0, q++;
  }
}

static void run_filter(const KernelCall *c, const Plan *p) {
  const Layout l = layout_of(p);
  float *bufs[2] = {c->scratch, c->scratch + l.buf};
  int32_t *idx = (int32_t *)(c->scratch + 2 * l.buf);
  int64_t dims[64];
  uint32_t order[64];
  for (uint32_t a = 0; a < p->rank; a++) dims[a] = p->in[a];
  const uint32_t n = pass_order(p, order);
  const float *cur = in_f32(c, 0);
  float *y = out_f32(c, 0);
  if (n == 0) {
    memcpy(y, cur, numel(out_tensor(c, 0)) * sizeof(float));
    return;
  }
  for (uint32_t i = 0; i < n; i++) {
    const uint32_t a = order[i];
    const int64_t count = tap_count(p, a);
    float *weight = (float *)(idx + p->out[a] * count);
    uint8_t *outside = (uint8_t *)(weight + p->out[a] * count);
    filter_taps(p, a, count, idx, weight, outside);
    size_t outer = 1, inner = 1;
    for (uint32_t d = 0; d < a; d++) outer *= (size_t)dims[d];
    for (uint32_t d = a + 1; d < p->rank; d++) inner *= (size_t)dims[d];
    float *dst = i + 1 == n ? y : bufs[i % 2];
    Pass g = {cur, dst, idx, weight, outside, count, dims[a], p->out[a], inner, outer * (size_t)p->out[a], 1, p->extrapolation};
    g.per_task = (size_t)rows_per_task(g.rows, inner);
    /* ~0.5 ns a tap of an output element (a multiply-add on a gathered row) */
    if (g.rows)
      parallel_for_cost(cpu_pool(), (int64_t)((g.rows + g.per_task - 1) / g.per_task),
                        0.5 * (double)(g.per_task * inner * (size_t)count), pass_task, &g);
    cur = dst;
    dims[a] = p->out[a];
  }
}

int32_t run_resize(const KernelCall *c, char *err, size_t err_cap) {
  Plan p;
  int32_t s = make_plan(c, &p, err, err_cap);
  if (s != HODU_OK) return s;
  if (numel(out_tensor(c, 0)) == 0) return HODU_OK;
  if (p.rank == 0) {
    out_f32(c, 0)[0] = in_f32(c, 0)[0];
    return HODU_OK;
  }
  if (p.mode == MODE_NEAREST) run_nearest(c, &p);
  else run_filter(c, &p);
  return HODU_OK;
}
