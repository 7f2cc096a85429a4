/**
 * numpy's float printing (numpy/core/arrayprint.py FloatingFormat with its defaults: precision 8,
 * floatmode 'maxprec', suppress False, sign '-'), built on the digits numpy's Dragon4 produces: the shortest
 * digits that round-trip in the array's own dtype (float32 0.1 prints "0.1"), cut off after `precision`
 * digits and then rounded half-to-even from the exact binary value.
 */
import { bfloatToFloat, floatToBfloat, floatToHalf, halfToFloat } from '../../ir/float16';

const PRECISION = 8;

/** Decimal digits the dtype holds (numpy's finfo(dtype).precision). */
function decimalPrecision(dtype: string): number {
  return ({ float64: 15, float32: 6, float16: 3, bfloat16: 2 } as Record<string, number>)[dtype] ?? 15;
}

/** Rounds a double to the nearest value of the dtype (what the array really holds). */
function dtypeRounder(dtype: string): (x: number) => number {
  if (dtype === 'float32') return Math.fround;
  if (dtype === 'float16') return (x) => halfToFloat(floatToHalf(x));
  if (dtype === 'bfloat16') return (x) => bfloatToFloat(floatToBfloat(x));
  return (x) => x;
}

/** Decimal digits (no leading or trailing zeros) and exponent e: |x| = 0.d₁d₂… × 10^(e+1), i.e. d₁.d₂… × 10^e. */
interface Digits {
  digits: string;
  exp: number;
}

/** Every decimal digit of a finite double (they are finite: x = m·2^k). */
function exactDigits(x: number): Digits {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const k = (biased === 0 ? 1 : biased) - 1075;
  const n = k >= 0 ? mantissa << BigInt(k) : mantissa * 5n ** BigInt(-k);
  const text = n.toString();
  return { digits: text.replace(/0+$/, ''), exp: text.length - 1 + Math.min(k, 0) };
}

/**
 * Dragon4's last digit at `n` significant digits of |x| (exact digits `exact`): of the truncation and the
 * next value up, the one that reads back as the same value of the dtype; the closer one (ties to even) when
 * both or neither do. `unique` tells whether one read back, which is where "unique" mode stops.
 */
function digitsAt(a: number, exact: Digits, n: number, round: (x: number) => number): { d: Digits; unique: boolean } {
  if (exact.digits.length <= n) return { d: exact, unique: true };
  const kept = exact.digits.slice(0, n);
  const rest = exact.digits.slice(n);
  const down = { digits: kept.replace(/0+$/, ''), exp: exact.exp };
  const upText = (BigInt(kept) + 1n).toString();
  const up = { digits: upText.replace(/0+$/, ''), exp: exact.exp + (upText.length > n ? 1 : 0) };
  const readsBack = (d: Digits) => round(Number(`${d.digits}e${d.exp - d.digits.length + 1}`)) === a;
  const downOk = readsBack(down);
  const upOk = readsBack(up);
  if (downOk !== upOk) return { d: downOk ? down : up, unique: true };
  const roundUp = rest[0]! > '5' || (rest[0] === '5' && (rest.length > 1 || Number(kept.at(-1)) % 2 === 1));
  return { d: roundUp ? up : down, unique: downOk };
}

/**
 * Dragon4 "unique" digits (numpy's default): the fewest digits that read back as the same value of the dtype,
 * but at most `limit(exponent)` of them; float16 43.125 is "43.12" (a tie, to even) where JS would say 43.13.
 */
function uniqueDigits(x: number, round: (x: number) => number, limit: (exp: number) => number): Digits {
  const a = Math.abs(x);
  if (a === 0) return { digits: '0', exp: 0 };
  const exact = exactDigits(a);
  const max = Math.max(1, limit(exact.exp));
  for (let n = 1; n < max; n++) {
    const r = digitsAt(a, exact, n, round);
    if (r.unique) return r.d;
  }
  return digitsAt(a, exact, max, round).d;
}

/** Exactly `n` significant digits (Dragon4 with min_digits: past the unique ones, further exact digits). */
function fixedDigits(x: number, round: (x: number) => number, n: number): Digits {
  const a = Math.abs(x);
  if (a === 0) return { digits: '0', exp: 0 };
  return digitsAt(a, exactDigits(a), n, round).d;
}

/** Shortest round-trip digits (no cutoff), for scalars. */
function shortestDigits(x: number, round: (x: number) => number): Digits {
  return uniqueDigits(x, round, () => 17);
}

const sign = (x: number) => (x < 0 || Object.is(x, -0) ? '-' : '');

/** Positional digits with at most `precision` after the point: [int part with sign, fraction]. */
function positional(x: number, round: (x: number) => number, precision: number): [string, string] {
  const d = uniqueDigits(x, round, (exp) => exp + 1 + precision);
  if (d.digits === '0') return [`${sign(x)}0`, ''];
  const int = d.exp >= 0 ? d.digits.slice(0, d.exp + 1).padEnd(d.exp + 1, '0') : '0';
  const frac = d.exp >= 0 ? d.digits.slice(d.exp + 1) : '0'.repeat(-d.exp - 1) + d.digits;
  return [sign(x) + int, frac];
}

/** Scientific digits with at most `precision` after the point: [mantissa int with sign, fraction, exponent]. */
function scientific(x: number, round: (x: number) => number, precision: number): [string, string, number] {
  const d = uniqueDigits(x, round, () => precision + 1);
  return [sign(x) + d.digits[0]!, d.digits.slice(1), x === 0 ? 0 : d.exp];
}

/** Math.max over a mapped list without spreading it (a preview may show a million elements). */
export function maxOf<T>(items: readonly T[], f: (item: T) => number): number {
  let m = -Infinity;
  for (const item of items) m = Math.max(m, f(item));
  return m;
}

const exponentText = (e: number, width: number) => `e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(width, '0')}`;

/**
 * The formatter numpy builds for the printed elements of a float array (`values`: the shown ones, as
 * numpy looks only at the edge items of a summarized array). Every string has the same width.
 */
export function floatFormatter(dtype: string, values: readonly number[]): (x: number) => string {
  const round = dtypeRounder(dtype);
  const finite = values.filter(Number.isFinite);
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (nonZero.length) {
    const max = maxOf(nonZero, (v) => v);
    const min = -maxOf(nonZero, (v) => -v);
    // numpy: max ≥ 1e8, or min < 1e-4, or max/min > 1e3, compared in the array's dtype. Since numpy 2.3
    // the 1e8 cutoff is 10^min(8, digits of the dtype): 1e6 for float32, 1e3 for float16.
    const cutoff = 10 ** Math.min(8, decimalPrecision(dtype));
    expFormat = max >= cutoff || min < round(1e-4) || round(max / min) > 1000;
  }
  let padLeft = 0;
  let padRight = 0;
  let precision = PRECISION;
  let expSize = -1;
  if (finite.length && expFormat) {
    const parts = finite.map((v) => scientific(v, round, PRECISION));
    // Every mantissa gets the longest fraction (zero-padded), every exponent the most digits (at least 2).
    precision = maxOf(parts, (p) => p[1].length);
    expSize = maxOf(parts, (p) => Math.max(2, String(Math.abs(p[2])).length));
    padLeft = maxOf(parts, (p) => p[0].length);
    padRight = expSize + 2 + precision;
  } else if (finite.length) {
    const parts = finite.map((v) => positional(v, round, PRECISION));
    padLeft = maxOf(parts, (p) => p[0].length);
    padRight = maxOf(parts, (p) => p[1].length);
  }
  if (finite.length !== values.length) {
    // Room for 'nan', 'inf' and '-inf' in the same width.
    const negInf = values.some((v) => v === -Infinity) ? 1 : 0;
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + negInf - (padRight + 1));
  }
  const width = padLeft + padRight + 1;
  return (x) => {
    if (Number.isNaN(x)) return 'nan'.padStart(width);
    if (!Number.isFinite(x)) return (x < 0 ? '-inf' : 'inf').padStart(width);
    if (expFormat) {
      // Every mantissa shows `precision` digits; past the shortest ones numpy's Dragon4 prints further
      // digits of the exact value (min_digits), so float32 2/3 is 6.6666669e-01, not 6.6666670e-01.
      const d = fixedDigits(x, round, precision + 1);
      const digits = d.digits.padEnd(precision + 1, '0');
      return `${(sign(x) + digits[0]).padStart(padLeft)}.${digits.slice(1)}${exponentText(d.exp, expSize)}`;
    }
    const [int, frac] = positional(x, round, precision);
    return `${int.padStart(padLeft)}.${frac.padEnd(padRight)}`;
  };
}

/**
 * A float scalar as numpy's `str()` prints it (a 0-d array prints as its scalar): shortest round-trip
 * digits of the dtype, positional from 1e-4 to a cutoff ("2.0", "0.1"), else scientific ("1e-05").
 */
export function formatFloatScalar(dtype: string, x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const round = dtypeRounder(dtype);
  const a = Math.abs(x);
  // Positional from 1e-4 up to 1e16 for float64 (as Python's repr), 10^digits for narrower floats (1e6 float32).
  const cutoff = dtype === 'float64' ? 1e16 : 10 ** decimalPrecision(dtype);
  if (a === 0 || (a >= 1e-4 && a < cutoff)) {
    const [int, frac] = positional(x, round, 1000);
    return `${int}.${frac || '0'}`;
  }
  const d = shortestDigits(x, round);
  const mantissa = d.digits.length > 1 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
  return `${sign(x)}${mantissa}${exponentText(d.exp, 2)}`;
}
