/*
 * The register tile of conv-direct.c, written once and included per ISA: the including file sets the target
 * (a pragma), DV (the vector type), DVN (its lanes), DMB × DNV (the tile: output channels × vectors of
 * columns), DLOAD, DSTORE, DSET1, DFMA and DFN(name) (the name with the ISA's suffix).
 *
 * out[i][col .. col + NV·DVN) = bias[i] + Σ_c Σ_tap wb[c][tap][i] · xp[c][col + offs[tap] ..] for DMB output
 * channels i and NV ≤ DNV vectors of columns from `col`: each input vector is loaded once per tap and used by
 * DMB filters, each weight broadcast once and used by NV vectors; the sums stay in registers over all channels
 * and taps (no column matrix, nothing written but the result). Inlined with NV a constant, so every width is
 * its own unrolled loop.
 */
static inline __attribute__((always_inline)) void DFN(direct_tile)(const float *xp, int64_t chan_stride,
                                                                   const float *wb, const int64_t *offs, int64_t taps,
                                                                   int64_t channels, const float *bias, int64_t col,
                                                                   float *out, int64_t out_stride, const int NV) {
  DV acc[DMB][DNV];
  for (int i = 0; i < DMB; i++)
    for (int j = 0; j < NV; j++) acc[i][j] = DSET1(bias[i]);
  const float *w = wb;
  for (int64_t c = 0; c < channels; c++) {
    const float *xc = xp + c * chan_stride + col;
    for (int64_t k = 0; k < taps; k++, w += DMB) {
      const float *xk = xc + offs[k];
      DV xv[DNV];
      for (int j = 0; j < NV; j++) xv[j] = DLOAD(xk + j * DVN);
      for (int i = 0; i < DMB; i++) {
        const DV wv = DSET1(w[i]);
        for (int j = 0; j < NV; j++) acc[i][j] = DFMA(wv, xv[j], acc[i][j]);
      }
    }
  }
  for (int i = 0; i < DMB; i++)
    for (int j = 0; j < NV; j++) DSTORE(out + i * out_stride + col + j * DVN, acc[i][j]);
}

/* The columns [0, cols) in tiles of DNV vectors, then one narrower tile for the rest (cols rounded up to a
 * vector): a row of 174 columns costs 11 vectors, not the 12 of 4 whole tiles. */
static void DFN(direct_tiles)(const float *xp, int64_t chan_stride, const float *wb, const int64_t *offs, int64_t taps,
                              int64_t channels, const float *bias, int64_t cols, float *out, int64_t out_stride) {
  const int64_t vectors = (cols + DVN - 1) / DVN, whole = vectors / DNV * DNV;
  for (int64_t v = 0; v < whole; v += DNV)
    DFN(direct_tile)(xp, chan_stride, wb, offs, taps, channels, bias, v * DVN, out, out_stride, DNV);
  _Static_assert(DNV <= 3, "the tail below covers 1 or 2 vectors");
  switch (vectors - whole) {
  case 2: DFN(direct_tile)(xp, chan_stride, wb, offs, taps, channels, bias, whole * DVN, out, out_stride, 2); break;
  case 1: DFN(direct_tile)(xp, chan_stride, wb, offs, taps, channels, bias, whole * DVN, out, out_stride, 1); break;
  default: break;
  }
}

/*
 * Depthwise: out[col .. col + DNW·DVN) = bias + Σ_tap wm[tap] · xp[col + offs[tap] ..] for one channel and
 * `tiles` tiles of DNW vectors, every column a vector lane (no scalar edges: the band is padded).
 */
static void DFN(depthwise_tiles)(const float *xp, const float *wm, const int64_t *offs, int64_t taps, float bias,
                                 int64_t tiles, float *out) {
  for (int64_t t = 0; t < tiles; t++) {
    const int64_t col = t * DNW * DVN;
    DV acc[DNW];
    for (int j = 0; j < DNW; j++) acc[j] = DSET1(bias);
    for (int64_t k = 0; k < taps; k++) {
      const DV wv = DSET1(wm[k]);
      const float *xk = xp + col + offs[k];
      for (int j = 0; j < DNW; j++) acc[j] = DFMA(wv, DLOAD(xk + j * DVN), acc[j]);
    }
    for (int j = 0; j < DNW; j++) DSTORE(out + col + j * DVN, acc[j]);
  }
}
