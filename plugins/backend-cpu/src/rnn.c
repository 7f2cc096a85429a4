/*
 * LSTM and GRU (default activations: Sigmoid, Tanh[, Tanh]), forward, reverse or bidirectional, layout 0/1,
 * clip, LSTM peepholes and input_forget, GRU linear_before_reset. Per direction: X·Wᵀ for all steps in one
 * sgemm, then per step H·Rᵀ (sgemm) and the cell equations. sequence_lens (int32) is not offered: its
 * kernel name (lstm_f32_i32) is not in the list.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "sgemm.h"

typedef struct Rnn {
  int64_t seq, batch, in, hid, dirs, dir, layout, gates;
  int has_clip, flag;
  float clip;
} Rnn;

static Rnn read_rnn(const KernelCall *c, int64_t gates) {
  Rnn r = {meta(c, 0), meta(c, 1), meta(c, 2), meta(c, 3), meta(c, 4) == 2 ? 2 : 1, meta(c, 4), meta(c, 5), gates,
           (int)meta(c, 6), (int)meta(c, 8), meta_f(c, 7)};
  return r;
}

static int dims_are(const HoduManifestTensor *t, int64_t a, int64_t b, int64_t d) {
  return t->rank == 3 && dim(t, 0) == a && dim(t, 1) == b && dim(t, 2) == d;
}

/* Scratch: the sgemm workspace, X·Wᵀ for one direction, H·Rᵀ, the states H and C, two GRU temporaries. */
static size_t rnn_scratch(const Rnn *r) {
  size_t gh = (size_t)(r->gates * r->hid), bh = (size_t)(r->batch * r->hid);
  return sgemm_workspace_floats() + (size_t)(r->seq * r->batch) * gh + (size_t)r->batch * gh + 4 * bh;
}

static int32_t check_rnn(const KernelCall *c, int64_t gates, size_t *scratch, char *err, size_t err_cap) {
  REQUIRE_META(c->step->metadata_count == 10);
  Rnn r = read_rnn(c, gates);
  REQUIRE(meta(c, 9) == 1, "only the default activations (Sigmoid, Tanh) are implemented");
  REQUIRE(r.dir >= 0 && r.dir <= 2, "unknown direction");
  REQUIRE(r.layout == 0 || r.layout == 1, "unknown layout %lld", (long long)r.layout);
  REQUIRE(hodu_manifest_step_input(c->step, 4) < 0, "sequence_lens is not implemented");
  for (uint32_t i = 0; i < c->step->input_count; i++)
    REQUIRE(!in_tensor(c, i) || in_tensor(c, i)->dtype == HODU_DTYPE_FLOAT32, "input %u is not float32", (unsigned)i);
  for (uint32_t i = 0; i < c->step->output_count; i++)
    REQUIRE(!out_tensor(c, i) || out_tensor(c, i)->dtype == HODU_DTYPE_FLOAT32, "output %u is not float32", (unsigned)i);
  const int64_t gh = gates * r.hid;
  const HoduManifestTensor *x = in_tensor(c, 0), *w = in_tensor(c, 1), *rt = in_tensor(c, 2), *b = in_tensor(c, 3);
  REQUIRE_META(x && w && rt && r.seq >= 0 && r.batch >= 0 && r.in >= 0 && r.hid >= 0);
  REQUIRE_META(r.layout ? dims_are(x, r.batch, r.seq, r.in) : dims_are(x, r.seq, r.batch, r.in));
  REQUIRE_META(dims_are(w, r.dirs, gh, r.in) && dims_are(rt, r.dirs, gh, r.hid) && (!b || numel(b) == (uint64_t)(r.dirs * 2 * gh)));
  uint64_t state = (uint64_t)(r.dirs * r.batch * r.hid);
  for (uint32_t i = 5; i < 7 && i < c->step->input_count; i++) REQUIRE_META(!in_tensor(c, i) || numel(in_tensor(c, i)) == state);
  if (c->step->input_count > 7 && in_tensor(c, 7)) REQUIRE_META(numel(in_tensor(c, 7)) == (uint64_t)(r.dirs * 3 * r.hid));
  if (out_tensor(c, 0)) REQUIRE_META(numel(out_tensor(c, 0)) == (uint64_t)r.seq * state);
  for (uint32_t i = 1; i < c->step->output_count; i++) REQUIRE_META(!out_tensor(c, i) || numel(out_tensor(c, i)) == state);
  *scratch = rnn_scratch(&r);
  return HODU_OK;
}

int32_t check_lstm(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  REQUIRE(c->step->input_count <= 8 && c->step->output_count <= 3, "unexpected inputs/outputs");
  return check_rnn(c, 4, scratch, err, err_cap);
}
int32_t check_gru(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  REQUIRE(c->step->input_count <= 6 && c->step->output_count <= 2, "unexpected inputs/outputs");
  return check_rnn(c, 3, scratch, err, err_cap);
}

static float sigm(float v) {
  float e = expf(-fabsf(v));
  return v >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
}
static float clipped(const Rnn *r, float v) { return !r->has_clip ? v : v > r->clip ? r->clip : v < -r->clip ? -r->clip : v; }

/* Offset of (t, b) in X's rows and (d, b) in a state tensor, by layout. */
static int64_t x_row(const Rnn *r, int64_t t, int64_t b) { return r->layout ? b * r->seq + t : t * r->batch + b; }
static int64_t state_at(const Rnn *r, int64_t d, int64_t b) { return (r->layout ? b * r->dirs + d : d * r->batch + b) * r->hid; }
static int64_t y_at(const Rnn *r, int64_t t, int64_t d, int64_t b) {
  return (r->layout ? (b * r->seq + t) * r->dirs + d : (t * r->dirs + d) * r->batch + b) * r->hid;
}

static void run_rnn(const KernelCall *c, int64_t gates) {
  const Rnn r = read_rnn(c, gates);
  const int64_t H = r.hid, gh = gates * H, B = r.batch;
  const float *x = in_f32(c, 0), *w = in_f32(c, 1), *rw = in_f32(c, 2), *bias = in_f32(c, 3);
  const float *h0 = in_f32(c, 5), *c0 = gates == 4 ? in_f32(c, 6) : NULL, *peep = gates == 4 ? in_f32(c, 7) : NULL;
  float *y = out_f32(c, 0), *yh = out_f32(c, 1), *yc = gates == 4 ? out_f32(c, 2) : NULL;
  float *ws = c->scratch, *xw = ws + sgemm_workspace_floats(), *hr = xw + r.seq * B * gh;
  float *h = hr + B * gh, *cs = h + B * H, *rh = cs + B * H, *rhr = rh + B * H;
  for (int64_t d = 0; d < r.dirs; d++) {
    const int reverse = r.dir == 1 || d == 1;
    const float *wb = bias ? bias + d * 2 * gh : NULL, *rb = bias ? wb + gh : NULL, *rd = rw + d * gh * H;
    /* X·Wᵀ for every (t, b) row, in X's own row order */
    sgemm(r.seq * B, gh, r.in, 1.0f, x, r.in, 1, w + d * gh * r.in, 1, r.in, 0.0f, xw, gh, ws);
    for (int64_t b = 0; b < B; b++)
      for (int64_t j = 0; j < H; j++) {
        h[b * H + j] = h0 ? h0[state_at(&r, d, b) + j] : 0.0f;
        cs[b * H + j] = c0 ? c0[state_at(&r, d, b) + j] : 0.0f;
      }
    for (int64_t step = 0; step < r.seq; step++) {
      const int64_t t = reverse ? r.seq - 1 - step : step;
      sgemm(B, gh, H, 1.0f, h, H, 1, rd, 1, H, 0.0f, hr, gh, ws); /* H·Rᵀ */
      for (int64_t b = 0; b < B; b++) {
        const float *xg = xw + x_row(&r, t, b) * gh, *hg = hr + b * gh;
#define PRE(g, j) (xg[(g) * H + (j)] + hg[(g) * H + (j)] + (bias ? wb[(g) * H + (j)] + rb[(g) * H + (j)] : 0.0f))
        for (int64_t j = 0; j < H; j++) {
          const int64_t k = b * H + j;
          if (gates == 4) { /* gates i, o, f, c; peepholes Pi, Po, Pf */
            const float *p = peep ? peep + d * 3 * H : NULL, cprev = cs[k];
            float i = sigm(clipped(&r, PRE(0, j) + (p ? p[j] * cprev : 0.0f)));
            float f = r.flag ? 1.0f - i : sigm(clipped(&r, PRE(2, j) + (p ? p[2 * H + j] * cprev : 0.0f)));
            float cand = tanhf(clipped(&r, PRE(3, j)));
            float cn = f * cprev + i * cand;
            float o = sigm(clipped(&r, PRE(1, j) + (p ? p[H + j] * cn : 0.0f)));
            cs[k] = cn;
            h[k] = o * tanhf(cn);
          } else { /* gates z, r, h: keep z, and r (linear_before_reset) or r ⊙ H for the h gate */
            rh[k] = sigm(clipped(&r, PRE(0, j))); /* z, parked in rh until the h gate */
            float rg = sigm(clipped(&r, PRE(1, j)));
            cs[k] = r.flag ? rg : rg * h[k];
          }
        }
      }
      if (gates == 3) {
        if (!r.flag) sgemm(B, H, H, 1.0f, cs, H, 1, rd + 2 * H * H, 1, H, 0.0f, rhr, H, ws); /* (r ⊙ H)·Rhᵀ */
        for (int64_t b = 0; b < B; b++) {
          const float *xg = xw + x_row(&r, t, b) * gh, *hg = hr + b * gh;
          for (int64_t j = 0; j < H; j++) {
            const int64_t k = b * H + j;
            float rbh = rb ? rb[2 * H + j] : 0.0f, wbh = wb ? wb[2 * H + j] : 0.0f;
            float recur = r.flag ? cs[k] * (hg[2 * H + j] + rbh) : rhr[k] + rbh;
            float cand = tanhf(clipped(&r, xg[2 * H + j] + recur + wbh)), z = rh[k];
            h[k] = (1.0f - z) * cand + z * h[k];
          }
        }
      }
#undef PRE
      if (y)
        for (int64_t b = 0; b < B; b++) memcpy(y + y_at(&r, t, d, b), h + b * H, (size_t)H * sizeof(float));
    }
    for (int64_t b = 0; b < B; b++) {
      if (yh) memcpy(yh + state_at(&r, d, b), h + b * H, (size_t)H * sizeof(float));
      if (yc) memcpy(yc + state_at(&r, d, b), cs + b * H, (size_t)H * sizeof(float));
    }
  }
}

int32_t run_lstm(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  run_rnn(c, 4);
  return HODU_OK;
}
int32_t run_gru(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  run_rnn(c, 3);
  return HODU_OK;
}
