/*
 * Trigonometric and hyperbolic vector functions for simd-body.h (included there, after vexp, vexpm1, vlog and
 * vlog1p_pos): polynomials, not libm calls, except where accuracy demands one (below).
 *
 * sin, cos, tan: Cephes' sinf/cosf (x reduced by π/4 in three parts, Cody-Waite), accurate to ~1 ulp for
 * |x| ≤ 8192; a vector with a lane beyond that calls libm per lane, because the three-part reduction loses
 * the low bits there (Payne-Hanek would be needed) and models never feed such angles in bulk.
 * asin, acos, atan: Cephes' asinf/acosf/atanf. sinh, cosh on vexpm1/vexp, asinh, acosh, atanh on vlog1p_pos
 * (log1p forms, so no cancellation near 0 or 1); NaN propagates, ±0 keep their sign where libm keeps it.
 */
#define SIGN_BIT SI((int32_t)0x80000000u)
static inline V with_sign_of(V mag, V x) { return (V)((VI)mag | ((VI)x & SIGN_BIT)); }
static inline VI any_lane(VI m) {
  VI r = SI(0);
  for (int i = 0; i < VN; i++) r |= m[i];
  return r;
}

/* Cephes' reduction: j = the octant (made even), r = x − j·π/4 in three parts; returns |r|'s octant j. */
static inline VI trig_reduce(V a, V *r) {
  VI j = __builtin_convertvector(a * S(1.27323954473516f), VI);
  j = (j + SI(1)) & SI(~1);
  V y = __builtin_convertvector(j, V);
  *r = ((a - y * S(0.78515625f)) - y * S(2.4187564849853515625e-4f)) - y * S(3.77489497744594108e-8f);
  return j;
}
static inline V sin_poly(V r, V z) {
  V p = S(-1.9515295891e-4f);
  p = V_FMA(p, z, S(8.3321608736e-3f));
  p = V_FMA(p, z, S(-1.6666654611e-1f));
  return V_FMA(p * z, r, r);
}
static inline V cos_poly(V z) {
  V p = S(2.443315711809948e-5f);
  p = V_FMA(p, z, S(-1.388731625493765e-3f));
  p = V_FMA(p, z, S(4.166664568298827e-2f));
  return V_FMA(p * z, z, V_FMA(z, S(-0.5f), S(1.0f)));
}
/* sin and cos of x together (tan needs both); lanes with |x| > 8192 are the caller's. */
static inline void vsincos(V x, V *s, V *c) {
  V a = vabs(x), r;
  VI j = trig_reduce(a, &r);
  V z = r * r, ps = sin_poly(r, z), pc = cos_poly(z);
  VI swap = (j & SI(2)) != SI(0); /* octants 2, 3, 6, 7 (after making j even: 2, 6): sin ↔ cos */
  V sv = sel(swap, pc, ps), cv = sel(swap, ps, pc);
  VI sneg = ((j & SI(4)) != SI(0)) ^ (x < S(0.0f)); /* sin is odd */
  VI cneg = ((j + SI(2)) & SI(4)) != SI(0);
  *s = (V)((VI)sv ^ (sneg & SIGN_BIT));
  *c = (V)((VI)cv ^ (cneg & SIGN_BIT));
}
/* libm per lane for a vector with a lane past the reduction's range (see the top). */
static inline V libm_lanes(V x, float (*f)(float)) {
  V y = x;
  for (int i = 0; i < VN; i++) y[i] = f(x[i]);
  return y;
}
#define BIG_ANGLE(x) any_lane(vabs(x) > S(8192.0f))[0]
static inline V vsin(V x) {
  if (BIG_ANGLE(x)) return libm_lanes(x, sinf);
  V s, c;
  vsincos(x, &s, &c);
  return sel(x == S(0.0f), x, s); /* −0 stays −0 */
}
static inline V vcos(V x) {
  if (BIG_ANGLE(x)) return libm_lanes(x, cosf);
  V s, c;
  vsincos(x, &s, &c);
  return c;
}
static inline V vtan(V x) {
  if (BIG_ANGLE(x)) return libm_lanes(x, tanf);
  V s, c;
  vsincos(x, &s, &c);
  return sel(x == S(0.0f), x, s / c);
}
#undef BIG_ANGLE

/* asin on [0, 0.5] (z = a²) or, through asin(a) = π/2 − 2·asin(√((1 − a)/2)), on (0.5, 1]. */
static inline V asin_poly(V s, V z) {
  V p = S(4.2163199048e-2f);
  p = V_FMA(p, z, S(2.4181311049e-2f));
  p = V_FMA(p, z, S(4.5470025998e-2f));
  p = V_FMA(p, z, S(7.4953002686e-2f));
  p = V_FMA(p, z, S(1.6666752422e-1f));
  return V_FMA(p * z, s, s);
}
static inline V vasin(V x) {
  V a = vabs(x);
  VI big = a > S(0.5f);
  V z = sel(big, S(0.5f) * (S(1.0f) - a), a * a);
  V s = sel(big, vsqrt_(z), a);
  V p = asin_poly(s, z);
  p = sel(big, S(1.5707963267948966f) - (p + p), p);
  p = sel(a > S(1.0f), S(NAN), p);
  return sel(x != x, x, with_sign_of(p, x));
}
static inline V vacos(V x) {
  V a = vabs(x);
  VI big = a > S(0.5f);
  V z = sel(big, S(0.5f) * (S(1.0f) - a), x * x);
  V s = sel(big, vsqrt_(z), x);
  V p = asin_poly(s, z);
  /* x > 0.5: 2·asin(√((1 − x)/2)); x < −0.5: π − that; else π/2 − asin(x). */
  V y = sel(big, sel(x < S(0.0f), S(3.14159265358979f) - (p + p), p + p), S(1.5707963267948966f) - p);
  y = sel(a > S(1.0f), S(NAN), y);
  return sel(x != x, x, y);
}
static inline V vatan(V x) {
  V a = vabs(x);
  VI big = a > S(2.414213562373095f), mid = ~big & (a > S(0.4142135623730950f));
  V base = sel(big, S(1.5707963267948966f), sel(mid, S(0.7853981633974483f), S(0.0f)));
  V t = sel(big, S(-1.0f) / a, sel(mid, (a - S(1.0f)) / (a + S(1.0f)), a));
  V z = t * t, p = S(8.05374449538e-2f);
  p = V_FMA(p, z, S(-1.38776856032e-1f));
  p = V_FMA(p, z, S(1.99777106478e-1f));
  p = V_FMA(p, z, S(-3.33329491539e-1f));
  V y = base + V_FMA(p * z, t, t);
  return sel(x != x, x, with_sign_of(y, x));
}

/* e^a / 2 for a ≥ 88 (where e^a alone overflows first): e^{a − 88} (a − 88 exact) times e^88/2 as a constant. */
static inline V half_exp_big(V a) { return vexp(a - S(88.0f)) * S(8.258181274970009e37f); }
/* sinh |x| = (e + e/(e + 1))/2, e = expm1|x| (glibc's form: no cancellation near 0); past 88, e^|x|/2. */
static inline V vsinh(V x) {
  V a = vabs(x), e = vexpm1(vmin(a, S(88.0f)));
  V y = sel(a < S(88.0f), S(0.5f) * (e + e / (e + S(1.0f))), half_exp_big(a));
  return sel(x != x, x, with_sign_of(y, x));
}
static inline V vcosh(V x) {
  V a = vabs(x), e = vexp(vmin(a, S(88.0f)));
  V y = sel(a < S(88.0f), S(0.5f) * e + S(0.5f) / e, half_exp_big(a));
  return sel(x != x, x, y);
}
/* asinh |x| = log1p(a + a²/(1 + √(1 + a²))); past 2^28, log(a) + ln 2 (a² would lose 1 or overflow). */
static inline V vasinh(V x) {
  V a = vabs(x), m = vmin(a, S(268435456.0f)), a2 = m * m;
  V y = sel(a < S(268435456.0f), vlog1p_pos(m + a2 / (S(1.0f) + vsqrt_(S(1.0f) + a2))),
            vlog(a) + S(0.69314718055994531f));
  return sel(x != x, x, with_sign_of(y, x));
}
/* acosh x = log1p(t + √(2t + t²)), t = x − 1 (exact near 1); past 2^28, log(x) + ln 2; NaN below 1. */
static inline V vacosh(V x) {
  V t = vmin(vmax(x, S(1.0f)), S(268435456.0f)) - S(1.0f);
  V y = sel(x < S(268435456.0f), vlog1p_pos(t + vsqrt_(V_FMA(t, t, t + t))), vlog(x) + S(0.69314718055994531f));
  y = sel(x < S(1.0f), S(NAN), y);
  return sel(x != x, x, y);
}
/* atanh |x| = log1p(2a/(1 − a))/2; ±inf at ±1, NaN beyond. */
static inline V vatanh(V x) {
  V a = vabs(x), m = vmin(a, S(0.99999994f));
  V y = S(0.5f) * vlog1p_pos((m + m) / (S(1.0f) - m));
  y = sel(a == S(1.0f), S(INFINITY), sel(a > S(1.0f), S(NAN), y));
  return sel(x != x, x, with_sign_of(y, x));
}
#undef SIGN_BIT
