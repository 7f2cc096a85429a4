import { allocData, isBigDType, isIntDType, type BigArray, type DType, type NumericArray } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { fromNumbers, Tensor, toNumbers } from '../../../ir/tensor';
import { tensorInput, type Kernel, type KernelContext, type Value } from '../kernel';

/** Input `i` as a numeric tensor, with an error naming the node for strings. */
export function numericInput(inputs: (Value | undefined)[], i: number, ctx: KernelContext): Tensor {
  const x = tensorInput(inputs, i, ctx);
  if (x.dtype === 'string') {
    throw nodeError(ctx.node, 'E_DTYPE', `input ${i} is a string tensor, expected numbers`, 'insert a Cast before this node or check the model');
  }
  return x;
}

/** True when values of `dtype` can be written straight into its storage from JS numbers. */
export function directNumberStorage(dtype: DType): boolean {
  return dtype !== 'float16' && dtype !== 'bfloat16' && dtype !== 'string' && !isBigDType(dtype);
}

/**
 * Applies `fn` to every element. int64/uint64 use `big` when given (exact), otherwise go through doubles.
 * float16/bfloat16 are computed in doubles and rounded once on store.
 */
export function mapUnaryTyped(x: Tensor, fn: (v: number) => number, big?: (v: bigint) => bigint, outDtype: DType = x.dtype): Tensor {
  const n = x.size;
  if (big && isBigDType(x.dtype) && isBigDType(outDtype)) {
    const src = x.data as BigArray;
    const out = allocData(outDtype, n) as BigArray;
    for (let i = 0; i < n; i++) out[i] = big(src[i]!);
    return new Tensor(outDtype, x.dims, out);
  }
  const v = toNumbers(x);
  if (directNumberStorage(outDtype)) {
    const out = allocData(outDtype, n) as NumericArray;
    if (outDtype === 'bool') for (let i = 0; i < n; i++) out[i] = fn(v[i]!) ? 1 : 0;
    else for (let i = 0; i < n; i++) out[i] = fn(v[i]!);
    return new Tensor(outDtype, x.dims, out);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = fn(v[i]!);
  return fromNumbers(outDtype, x.dims, out);
}

/** A kernel for a unary op without attributes. */
export function unaryKernel(fn: (v: number) => number, big?: (v: bigint) => bigint): Kernel {
  return (inputs, ctx) => [mapUnaryTyped(numericInput(inputs, 0, ctx), fn, big)];
}

/** Wraps a kernel so that it rejects non-integer inputs (bitwise ops) with an error naming the node. */
export function integerOnly(kernel: Kernel): Kernel {
  return (inputs, ctx) => {
    inputs.forEach((v, i) => {
      if (v instanceof Tensor && !isIntDType(v.dtype)) {
        throw nodeError(ctx.node, 'E_DTYPE', `input ${i} is ${v.dtype}, expected an integer dtype`);
      }
    });
    return kernel(inputs, ctx);
  };
}

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * erf to about double precision. |x| < 3: the all-positive series
 *   erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n (2^n x^(2n+1)) / (1*3*...*(2n+1)),
 * which has no cancellation; otherwise erfc's continued fraction
 *   erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))),
 * evaluated bottom-up (it converges fast for x >= 3).
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax >= 6) return Math.sign(x); // erfc(6) < 3e-17
  const x2 = ax * ax;
  let r: number;
  if (ax < 3) {
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
    }
    r = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  } else {
    let frac = ax;
    for (let k = 60; k >= 1; k--) frac = ax + k / 2 / frac;
    r = 1 - Math.exp(-x2) / Math.sqrt(Math.PI) / frac;
  }
  return x < 0 ? -r : r;
}

/** Rounds half to even, like numpy.round and ONNX Round. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Logistic function, written so that neither branch overflows exp. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + exp(x)) without overflow for large x. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
