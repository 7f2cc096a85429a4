/*
 * LSTM and GRU (default activations: Sigmoid, Tanh[, Tanh]), forward, reverse or bidirectional, layout 0/1,
 * clip, sequence_lens (int32: kernels lstm_f32_i32, gru_f32_i32), LSTM peepholes and input_forget, GRU
 * linear_before_reset.
 *
 * Per direction: X·Wᵀ for every step and batch row in one product, then per step H·Rᵀ and the cell equations,
 * vectorized (rnn-step.inc). Gate vectors are laid out [gates][hp], hp = hidden rounded up to 16, so a cell
 * reads whole vectors. W and R are rearranged once, at create() when they are weights (prepare_lstm/gru),
 * else by each run in scratch, into that layout as the right operand of a product: a plain k×n matrix when
 * the product has one or two rows (a GEMV that reads it once per row: batch 1, or seq·batch ≤ 2 for X·Wᵀ),
 * else sgemm's packed panels. GRU's R is two operands, Rz|Rr and Rh: the h gate's product comes after r.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "rnn.h"
#include "sgemm.h"
#include "threads.h"

typedef struct Rnn {
  int64_t seq, batch, in, hid, dirs, dir, layout, gates, hp;
  int has_clip, flag;
  float clip;
} Rnn;

static int64_t round16(int64_t n) { return (n + 15) / 16 * 16; }

static Rnn read_rnn(const KernelCall *c, int64_t gates) {
  Rnn r = {meta(c, 0), meta(c, 1), meta(c, 2), meta(c, 3), meta(c, 4) == 2 ? 2 : 1, meta(c, 4), meta(c, 5), gates,
           round16(meta(c, 3)), (int)meta(c, 6), (int)meta(c, 8), meta_f(c, 7)};
  return r;
}

/* A product with at most this many rows is a GEMV per row over the plain matrix; more go to sgemm. */
#define GEMV_MAX_ROWS 2
/* Multiply-adds of one GEMV from which its columns are split between the run's threads. */
#define GEMV_SPLIT_FMAS (1 << 18)

/* W, R or a part of R of one direction as the right operand (k×n, n = gates·hp) of a product of `rows` rows. */
typedef struct Operand {
  int64_t k, n, gates, offset; /* offset: of its first source row in the direction's W or R, in floats */
  int panels;                  /* sgemm's packed panels, else a plain row-major k×n matrix */
  size_t floats;
} Operand;

static Operand operand(const Rnn *r, int64_t k, int64_t gates, int64_t offset, int64_t rows) {
  Operand o = {k, gates * r->hp, gates, offset, rows > GEMV_MAX_ROWS, 0};
  o.floats = (size_t)round16(o.panels ? (int64_t)sgemm_packed_b_floats(k, o.n) : k * o.n);
  return o;
}

/* A direction's operands: W, then R (LSTM) or Rz|Rr and Rh (GRU); returns how many, and their floats. */
static int operands(const Rnn *r, Operand *ops, size_t *floats) {
  int n = 0;
  ops[n++] = operand(r, r->in, r->gates, 0, r->seq * r->batch);
  if (r->gates == 4) {
    ops[n++] = operand(r, r->hid, 4, 0, r->batch);
  } else {
    ops[n++] = operand(r, r->hid, 2, 0, r->batch);
    ops[n++] = operand(r, r->hid, 1, 2 * r->hid * r->hid, r->batch);
  }
  *floats = 0;
  for (int i = 0; i < n; i++) *floats += ops[i].floats;
  return n;
}

/* Element (p, col) of an operand: source row g·hid + j for column g·hp + j (zero in the padding and past n). */
static float operand_at(const Operand *o, const Rnn *r, const float *src, int64_t p, int64_t col) {
  int64_t g = col / r->hp, j = col % r->hp;
  return col < o->n && j < r->hid ? src[(g * r->hid + j) * o->k + p] : 0.0f;
}

/* Writes an operand from its source rows (src: the direction's W or R) in its form. */
static void pack_operand(const Operand *o, const Rnn *r, const float *src, float *dst) {
  src += o->offset;
  if (!o->panels) {
    for (int64_t p = 0; p < o->k; p++)
      for (int64_t col = 0; col < o->n; col++) dst[p * o->n + col] = operand_at(o, r, src, p, col);
    return;
  }
  /* sgemm_prepacked's layout: panel q holds columns [q·nr, q·nr + nr) as k rows of nr floats */
  const int64_t nr = sgemm_nr();
  for (int64_t q = 0; q * nr < o->n; q++)
    for (int64_t p = 0; p < o->k; p++)
      for (int64_t jj = 0; jj < nr; jj++) dst[q * nr * o->k + p * nr + jj] = operand_at(o, r, src, p, q * nr + jj);
}

/* The operands of every direction, one after another (W and R read through the call's pointers). */
static void pack_direction(const KernelCall *c, const Rnn *r, int64_t d, float *dst) {
  Operand ops[3];
  size_t floats;
  int n = operands(r, ops, &floats);
  const float *w = in_f32(c, 1) + d * r->gates * r->hid * r->in, *rw = in_f32(c, 2) + d * r->gates * r->hid * r->hid;
  for (int i = 0; i < n; dst += ops[i].floats, i++) pack_operand(&ops[i], r, i == 0 ? w : rw, dst);
}

/* Whether W and R are weights, so prepare() can rearrange them once at create(). */
static int constant_weights(const KernelCall *c) {
  return in_tensor(c, 1)->role == HODU_ROLE_WEIGHT && in_tensor(c, 2)->role == HODU_ROLE_WEIGHT;
}

static size_t prepare_rnn(const KernelCall *c, float *state, int64_t gates) {
  if (!constant_weights(c)) return 0;
  const Rnn r = read_rnn(c, gates);
  Operand ops[3];
  size_t per_dir;
  operands(&r, ops, &per_dir);
  if (state)
    for (int64_t d = 0; d < r.dirs; d++) pack_direction(c, &r, d, state + (size_t)d * per_dir);
  return (size_t)r.dirs * per_dir;
}
size_t prepare_lstm(const KernelCall *c, float *state) { return prepare_rnn(c, state, 4); }
size_t prepare_gru(const KernelCall *c, float *state) { return prepare_rnn(c, state, 3); }

/*
 * Scratch: the sgemm workspace (when a product goes to sgemm), one direction's operands (when W and R were
 * not prepared), X·Wᵀ, H·Rᵀ (LSTM: all gates; GRU: z and r), the GRU's h-gate product, z and r (or r ⊙ H),
 * the states H and C, biases and peepholes, each [gates][hp] per batch row.
 */
typedef struct Scratch {
  size_t ws, ops, xw, hr, hh, z, rg, h, cs, bias, peep, end; /* offsets in floats, each a multiple of 16 */
} Scratch;

static Scratch scratch_layout(const Rnn *r, int prepared) {
  Operand ops[3];
  size_t per_dir;
  int n = operands(r, ops, &per_dir), panels = 0;
  for (int i = 0; i < n; i++) panels |= ops[i].panels;
  const size_t bh = (size_t)(r->batch * r->hp), g = (size_t)(r->gates * r->hp), gru = r->gates == 3;
  Scratch s;
  s.ws = 0;
  s.ops = s.ws + (panels ? (size_t)round16((int64_t)sgemm_workspace_floats()) : 0);
  s.xw = s.ops + (prepared ? 0 : per_dir);
  s.hr = s.xw + (size_t)(r->seq * r->batch) * g;
  s.hh = s.hr + (size_t)r->batch * (gru ? 2 * (size_t)r->hp : g);
  s.z = s.hh + gru * bh;
  s.rg = s.z + gru * bh;
  s.h = s.rg + gru * bh;
  s.cs = s.h + bh;
  s.bias = s.cs + bh;
  s.peep = s.bias + 4 * (size_t)r->hp;
  s.end = s.peep + 3 * (size_t)r->hp;
  return s;
}

static int dims_are(const HoduManifestTensor *t, int64_t a, int64_t b, int64_t d) {
  return t->rank == 3 && dim(t, 0) == a && dim(t, 1) == b && dim(t, 2) == d;
}

static int32_t check_rnn(const KernelCall *c, int64_t gates, size_t *scratch, char *err, size_t err_cap) {
  REQUIRE_META(c->step->metadata_count == 10);
  Rnn r = read_rnn(c, gates);
  REQUIRE(meta(c, 9) == 1, "only the default activations (Sigmoid, Tanh) are implemented");
  REQUIRE(r.dir >= 0 && r.dir <= 2, "unknown direction");
  REQUIRE(r.layout == 0 || r.layout == 1, "unknown layout %lld", (long long)r.layout);
  for (uint32_t i = 0; i < c->step->input_count; i++)
    REQUIRE(i == 4 || !in_tensor(c, i) || in_tensor(c, i)->dtype == HODU_DTYPE_FLOAT32, "input %u is not float32", (unsigned)i);
  for (uint32_t i = 0; i < c->step->output_count; i++)
    REQUIRE(!out_tensor(c, i) || out_tensor(c, i)->dtype == HODU_DTYPE_FLOAT32, "output %u is not float32", (unsigned)i);
  const int64_t gh = gates * r.hid;
  const HoduManifestTensor *x = in_tensor(c, 0), *w = in_tensor(c, 1), *rt = in_tensor(c, 2), *b = in_tensor(c, 3);
  REQUIRE_META(x && w && rt && r.seq >= 0 && r.batch >= 0 && r.in >= 0 && r.hid >= 0);
  REQUIRE_META(r.layout ? dims_are(x, r.batch, r.seq, r.in) : dims_are(x, r.seq, r.batch, r.in));
  REQUIRE_META(dims_are(w, r.dirs, gh, r.in) && dims_are(rt, r.dirs, gh, r.hid) && (!b || numel(b) == (uint64_t)(r.dirs * 2 * gh)));
  const HoduManifestTensor *lens = c->step->input_count > 4 ? in_tensor(c, 4) : NULL;
  REQUIRE(!lens || lens->dtype == HODU_DTYPE_INT32, "sequence_lens is not int32");
  REQUIRE_META(!lens || numel(lens) == (uint64_t)r.batch);
  uint64_t state = (uint64_t)(r.dirs * r.batch * r.hid);
  for (uint32_t i = 5; i < 7 && i < c->step->input_count; i++) REQUIRE_META(!in_tensor(c, i) || numel(in_tensor(c, i)) == state);
  if (c->step->input_count > 7 && in_tensor(c, 7)) REQUIRE_META(numel(in_tensor(c, 7)) == (uint64_t)(r.dirs * 3 * r.hid));
  if (out_tensor(c, 0)) REQUIRE_META(numel(out_tensor(c, 0)) == (uint64_t)r.seq * state);
  for (uint32_t i = 1; i < c->step->output_count; i++) REQUIRE_META(!out_tensor(c, i) || numel(out_tensor(c, i)) == state);
  *scratch = scratch_layout(&r, constant_weights(c)).end;
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

/* Offset of (t, b) in X's rows and (d, b) in a state tensor, by layout. */
static int64_t x_row(const Rnn *r, int64_t t, int64_t b) { return r->layout ? b * r->seq + t : t * r->batch + b; }
static int64_t state_at(const Rnn *r, int64_t d, int64_t b) { return (r->layout ? b * r->dirs + d : d * r->batch + b) * r->hid; }
static int64_t y_at(const Rnn *r, int64_t t, int64_t d, int64_t b) {
  return (r->layout ? (b * r->seq + t) * r->dirs + d : (t * r->dirs + d) * r->batch + b) * r->hid;
}

/* A GEMV's columns split between threads: task t computes columns [t·per_task, …). */
typedef struct Gemv {
  const RnnVec *v;
  const Operand *o;
  const float *x, *m;
  float *y;
  int64_t per_task;
} Gemv;

static void gemv_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Gemv *g = ctx;
  int64_t j = task * g->per_task, n = g->o->n - j < g->per_task ? g->o->n - j : g->per_task;
  g->v->gemv(g->o->k, n, g->x, g->m + j, g->o->n, g->y + j);
}

/* y[rows × n] = a[rows × k] · operand m, a's rows lda apart, y's ldy apart. */
static void project(const RnnVec *v, const Operand *o, const float *m, int64_t rows, const float *a, int64_t lda,
                    float *y, int64_t ldy, float *ws) {
  if (o->panels) {
    sgemm_prepacked(rows, o->n, o->k, 1.0f, a, lda, 1, m, 0.0f, y, ldy, ws);
    return;
  }
  ThreadPool *pool = cpu_pool();
  const int threads = pool_threads(pool);
  for (int64_t i = 0; i < rows; i++) {
    if (threads < 2 || (size_t)(o->k * o->n) < cpu_min_split(GEMV_SPLIT_FMAS)) {
      v->gemv(o->k, o->n, a + i * lda, m, o->n, y + i * ldy);
      continue;
    }
    int64_t per_task = round16((o->n + threads - 1) / threads);
    Gemv g = {v, o, a + i * lda, m, y + i * ldy, per_task};
    /* a task streams per_task columns of k floats: ~8 multiply-adds per ns from memory */
    parallel_for_cost(pool, (o->n + per_task - 1) / per_task, (double)(per_task * o->k) / 8.0, gemv_task, &g);
  }
}

/* A [gates][hid] vector (bias, peepholes) as [gates][hp], zero-padded; zeros when absent. */
static void spread(const float *src, int64_t gates, const Rnn *r, float *dst) {
  memset(dst, 0, (size_t)(gates * r->hp) * sizeof(float));
  if (src)
    for (int64_t g = 0; g < gates; g++) memcpy(dst + g * r->hp, src + g * r->hid, (size_t)r->hid * sizeof(float));
}

/* The biases a cell adds: LSTM Wb + Rb of every gate; GRU Wb + Rb of z and r, then Wbh and Rbh apart. */
static void biases(const float *bias, const Rnn *r, int64_t d, float *dst) {
  const int64_t gh = r->gates * r->hid, hp = r->hp;
  memset(dst, 0, (size_t)(4 * hp) * sizeof(float));
  if (!bias) return;
  const float *wb = bias + d * 2 * gh, *rb = wb + gh;
  const int64_t summed = r->gates == 4 ? 4 : 2;
  for (int64_t g = 0; g < summed; g++)
    for (int64_t j = 0; j < r->hid; j++) dst[g * hp + j] = wb[g * r->hid + j] + rb[g * r->hid + j];
  if (r->gates == 3) {
    memcpy(dst + 2 * hp, wb + 2 * r->hid, (size_t)r->hid * sizeof(float));
    memcpy(dst + 3 * hp, rb + 2 * r->hid, (size_t)r->hid * sizeof(float));
  }
}

static int32_t run_rnn(const KernelCall *c, int64_t gates, char *err, size_t err_cap) {
  const Rnn r = read_rnn(c, gates);
  const RnnVec *v = rnn_vec();
  const int64_t H = r.hid, hp = r.hp, B = r.batch, G = gates * hp;
  const float *x = in_f32(c, 0), *bias = in_f32(c, 3);
  const float *h0 = in_f32(c, 5), *c0 = gates == 4 ? in_f32(c, 6) : NULL, *peep = gates == 4 ? in_f32(c, 7) : NULL;
  const int32_t id_lens = c->step->input_count > 4 ? hodu_manifest_step_input(c->step, 4) : -1;
  const int32_t *lens = id_lens >= 0 ? c->ptrs[id_lens] : NULL;
  float *y = out_f32(c, 0), *yh = out_f32(c, 1), *yc = gates == 4 ? out_f32(c, 2) : NULL;
  for (int64_t b = 0; lens && b < B; b++) {
    if (lens[b] < 0 || lens[b] > r.seq) {
      hodu_set_error(err, err_cap, "%s (node '%s'): sequence_lens[%lld] = %d is outside [0, %lld]", c->step->kernel,
                     c->step->node, (long long)b, (int)lens[b], (long long)r.seq);
      return HODU_ERR_INVALID_ARGUMENT;
    }
  }
  Operand ops[3];
  size_t per_dir;
  operands(&r, ops, &per_dir);
  const Scratch at = scratch_layout(&r, c->state != NULL);
  float *s = c->scratch, *ws = s + at.ws, *xw = s + at.xw, *hr = s + at.hr, *hh = s + at.hh, *z = s + at.z, *rg = s + at.rg;
  float *h = s + at.h, *cs = s + at.cs, *bv = s + at.bias, *pv = s + at.peep;
  const float clip = r.has_clip ? r.clip : INFINITY;
  /* Steps past a row's sequence_lens leave its Y zero and its state as it was. */
  if (y && lens) memset(y, 0, (size_t)(r.seq * r.dirs * B * H) * sizeof(float));
  memset(s + at.hh, 0, (at.bias - at.hh) * sizeof(float)); /* the padding lanes start from zero */
  for (int64_t d = 0; d < r.dirs; d++) {
    const int reverse = r.dir == 1 || d == 1;
    const float *m = c->state ? c->state + (size_t)d * per_dir : s + at.ops;
    if (!c->state) pack_direction(c, &r, d, s + at.ops);
    const float *mw = m, *mr = mw + ops[0].floats, *mh = gates == 3 ? mr + ops[1].floats : NULL;
    biases(bias, &r, d, bv);
    spread(peep ? peep + d * 3 * H : NULL, 3, &r, pv);
    project(v, &ops[0], mw, r.seq * B, x, r.in, xw, G, ws);
    for (int64_t b = 0; b < B; b++) {
      if (h0) memcpy(h + b * hp, h0 + state_at(&r, d, b), (size_t)H * sizeof(float));
      else memset(h + b * hp, 0, (size_t)H * sizeof(float));
      if (c0) memcpy(cs + b * hp, c0 + state_at(&r, d, b), (size_t)H * sizeof(float));
      else memset(cs + b * hp, 0, (size_t)H * sizeof(float));
    }
    for (int64_t step = 0; step < r.seq; step++) {
      if (gates == 4) {
        project(v, &ops[1], mr, B, h, hp, hr, G, ws);
      } else {
        project(v, &ops[1], mr, B, h, hp, hr, 2 * hp, ws);
        if (r.flag) project(v, &ops[2], mh, B, h, hp, hh, hp, ws);
      }
      for (int64_t b = 0; b < B; b++) {
        const int64_t len = lens ? lens[b] : r.seq, t = reverse ? len - 1 - step : step;
        if (step >= len) continue;
        const float *xg = xw + x_row(&r, t, b) * G;
        if (gates == 4) v->lstm_cell(hp, xg, hr + b * G, bv, pv, clip, r.flag, cs + b * hp, h + b * hp);
        else v->gru_gates(hp, xg, hr + b * 2 * hp, bv, clip, r.flag, h + b * hp, z + b * hp, rg + b * hp);
      }
      if (gates == 3) {
        if (!r.flag) project(v, &ops[2], mh, B, rg, hp, hh, hp, ws); /* (r ⊙ H)·Rhᵀ */
        for (int64_t b = 0; b < B; b++) {
          const int64_t len = lens ? lens[b] : r.seq, t = reverse ? len - 1 - step : step;
          if (step >= len) continue;
          const float *xg = xw + x_row(&r, t, b) * G;
          v->gru_update(hp, xg + 2 * hp, bv + 2 * hp, bv + 3 * hp, hh + b * hp, z + b * hp, rg + b * hp, clip, r.flag, h + b * hp);
        }
      }
      for (int64_t b = 0; y && b < B; b++) {
        const int64_t len = lens ? lens[b] : r.seq, t = reverse ? len - 1 - step : step;
        if (step < len) memcpy(y + y_at(&r, t, d, b), h + b * hp, (size_t)H * sizeof(float));
      }
    }
    for (int64_t b = 0; b < B; b++) {
      if (yh) memcpy(yh + state_at(&r, d, b), h + b * hp, (size_t)H * sizeof(float));
      if (yc) memcpy(yc + state_at(&r, d, b), cs + b * hp, (size_t)H * sizeof(float));
    }
  }
  return HODU_OK;
}

int32_t run_lstm(const KernelCall *c, char *err, size_t err_cap) { return run_rnn(c, 4, err, err_cap); }
int32_t run_gru(const KernelCall *c, char *err, size_t err_cap) { return run_rnn(c, 3, err, err_cap); }
