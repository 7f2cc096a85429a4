/* The vectorized inner loops of LSTM and GRU (rnn-step.inc), one table per ISA, picked at run time (rnn-vec.c). */
#ifndef CPU_RNN_H
#define CPU_RNN_H

#include <stddef.h>

typedef struct RnnVec {
  /* y[0:n] = x[0:k] · m (k×n, rows ldm apart); n a multiple of 16 */
  void (*gemv)(ptrdiff_t k, ptrdiff_t n, const float *x, const float *m, ptrdiff_t ldm, float *y);
  /* one LSTM step of one batch row, gate vectors [gates][hp] (hp a multiple of 16) */
  void (*lstm_cell)(ptrdiff_t hp, const float *xw, const float *hr, const float *bias, const float *peep, float clip,
                    int input_forget, float *c, float *h);
  /* GRU step, z and r, then the h gate and the new state */
  void (*gru_gates)(ptrdiff_t hp, const float *xw, const float *hzr, const float *bzr, float clip,
                    int linear_before_reset, const float *h, float *z, float *r);
  void (*gru_update)(ptrdiff_t hp, const float *xwh, const float *wbh, const float *rbh, const float *hh,
                     const float *z, const float *r, float clip, int linear_before_reset, float *h);
  /* sigmoid and tanh of n floats (n a multiple of 16), as the cells compute them (tests) */
  void (*activations)(ptrdiff_t n, const float *x, float *sig, float *th);
  const char *name;
} RnnVec;

/* AVX-512, AVX2+FMA or the baseline (SSE2, NEON on arm64), by cpu_isa() (isa.h) as sgemm's micro-kernel. */
const RnnVec *rnn_vec(void);

#endif
