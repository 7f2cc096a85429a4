import { allocData, isBigDType, type BigArray, type DType } from '../../../ir/dtype';
import { fromNumbers, Tensor, toNumbers } from '../../../ir/tensor';
import { bfloatToFloat, floatToBfloat, floatToHalf, halfToFloat } from '../../../ir/float16';
import { castTarget } from '../../../ops/cast';
import { defineKernel, tensorInput } from '../kernel';

/** Rounds a double to the nearest value of a narrower float dtype. */
const ROUND_TO: Partial<Record<DType, (x: number) => number>> = {
  float32: Math.fround,
  float16: (x) => halfToFloat(floatToHalf(x)),
  bfloat16: (x) => bfloatToFloat(floatToBfloat(x)),
};

/**
 * The shortest decimal that reads back as the same value of the source dtype (what numpy prints and the
 * ONNX test data expects): positional for 1e-4 <= |v| < 1e16, otherwise scientific with a 2-digit exponent.
 */
function shortestDecimal(v: number, from: DType): string {
  const round = ROUND_TO[from];
  let d = v; // float64 and integers: JS already prints the shortest round-trip form
  if (round) {
    for (let p = 1; p <= 9; p++) {
      const c = Number(v.toPrecision(p));
      if (round(c) === v) {
        d = c;
        break;
      }
    }
  }
  const a = Math.abs(d);
  if (a === 0 || (a >= 1e-4 && a < 1e16)) return String(d);
  const [mant, exp] = d.toExponential().split('e') as [string, string];
  return `${mant}e${exp[0]}${exp.slice(1).padStart(2, '0')}`;
}

/** Number -> string with the spec's spellings of the special values. */
function numberToString(v: number, from: DType): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'INF';
  if (v === -Infinity) return '-INF';
  return shortestDecimal(v, from);
}

/** String -> number: plain and scientific notation; "INF"/"+INF"/"-INF"/"NaN" in any case. */
function parseNumber(s: string): number {
  const t = s.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (special) return special[2]!.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  return t === '' ? NaN : Number(t);
}

/**
 * Casts `x` to `to` with ONNX rules: floats to integers truncate toward zero (out-of-range values wrap),
 * to bool is (v != 0) (NaN is true, as in C), int64/uint64 conversions between each other and to narrower
 * integers are exact two's-complement wraps, float16/bfloat16 round to nearest even.
 */
export function castTensor(x: Tensor, to: DType): Tensor {
  if (x.dtype === to) return new Tensor(to, x.dims, x.data.slice() as typeof x.data);
  const n = x.size;
  if (to === 'string') {
    if (x.dtype === 'bool') return new Tensor('string', x.dims, Array.from(x.data as Uint8Array, (v) => (v ? '1' : '0')));
    if (isBigDType(x.dtype)) return new Tensor('string', x.dims, Array.from(x.data as BigArray, String));
    return new Tensor('string', x.dims, Array.from(toNumbers(x), (v) => numberToString(v, x.dtype)));
  }
  if (x.dtype === 'string') {
    const src = x.data as string[];
    if (isBigDType(to)) {
      const out = allocData(to, n) as BigArray;
      for (let i = 0; i < n; i++) {
        const s = src[i]!.trim();
        // Integer strings are parsed exactly; others go through doubles and truncate.
        if (/^[+-]?\d+$/.test(s)) out[i] = BigInt(s);
        else {
          const v = parseNumber(s);
          out[i] = Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
        }
      }
      return new Tensor(to, x.dims, out);
    }
    return numbersTo(to, x.dims, Array.from(src, parseNumber));
  }
  if (isBigDType(x.dtype) && (isBigDType(to) || to.startsWith('int') || to.startsWith('uint'))) {
    const src = x.data as BigArray;
    const bits = Number(/\d+/.exec(to)![0]);
    const signed = to.startsWith('int');
    const wrapped = Array.from(src, (v) => (signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v)));
    if (isBigDType(to)) return new Tensor(to, x.dims, to === 'int64' ? BigInt64Array.from(wrapped) : BigUint64Array.from(wrapped));
    return fromNumbers(to, x.dims, wrapped.map(Number));
  }
  return numbersTo(to, x.dims, toNumbers(x));
}

function numbersTo(to: DType, dims: readonly number[], values: ArrayLike<number>): Tensor {
  if (to === 'bool') return new Tensor('bool', dims, Uint8Array.from(values as ArrayLike<number>, (v) => (v !== 0 ? 1 : 0)));
  return fromNumbers(to, dims, values);
}

export default defineKernel('Cast', (inputs, ctx) => [castTensor(tensorInput(inputs, 0, ctx), castTarget(ctx.node))]);
