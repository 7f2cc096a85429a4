import { HoduError } from '../errors';
import type { Dim } from '../ir/graph';
import { nodeError } from '../ir/node-error';
import { toIntList } from '../ir/tensor';
import type { InferContext, InferInput } from './schema';

/** Shape-inference helpers for the shape / data-movement ops (symbolic dims are strings, '?' unknown). */

/** The integer values of a constant input (e.g. Reshape's shape), or undefined when not constant. */
export function constInts(inp: InferInput | undefined): number[] | undefined {
  if (!inp?.value || inp.value.dtype === 'string') return undefined;
  return toIntList(inp.value);
}

/** Product of dims: a number when all are known, the symbol itself for [sym] × 1s, else '?'. */
export function dimProduct(dims: readonly Dim[]): Dim {
  let p = 1;
  const syms: string[] = [];
  for (const d of dims) {
    if (typeof d === 'number') p *= d;
    else syms.push(d);
  }
  if (syms.length === 0 || p === 0) return p;
  return syms.length === 1 && p === 1 && syms[0] !== '?' ? syms[0]! : '?';
}

/**
 * prod(num) / prod(den) over symbolic dims, cancelling named symbols that appear on both sides
 * (so Reshape [N,3,4] -> [N,-1] infers 12). '?' never cancels. Undefined when not an exact known result.
 */
export function dimQuotient(num: readonly Dim[], den: readonly Dim[]): Dim | undefined {
  const left: string[] = [];
  let n = 1;
  for (const d of num) typeof d === 'number' ? (n *= d) : left.push(d);
  let m = 1;
  for (const d of den) {
    if (typeof d === 'number') m *= d;
    else {
      const at = d === '?' ? -1 : left.indexOf(d);
      if (at < 0) return undefined;
      left.splice(at, 1);
    }
  }
  if (m === 0 || n % m !== 0) return undefined;
  const q = n / m;
  if (left.length === 0) return q;
  return left.length === 1 && q === 1 && left[0] !== '?' ? left[0] : undefined;
}

/** Two dims that must agree: keeps the known one, checks two known ones. */
export function mergeDim(a: Dim, b: Dim, ctx: InferContext, what: string): Dim {
  if (typeof a === 'number' && typeof b === 'number' && a !== b) {
    throw shapeError(ctx, `${what}: ${a} vs ${b}`);
  }
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  return a === '?' ? b : a;
}

export function shapeError(ctx: InferContext, msg: string, hint?: string): HoduError {
  return nodeError(ctx.node, 'E_SHAPE', msg, hint);
}

/** `n` unknown dims. */
export function unknownDims(n: number): Dim[] {
  return new Array<Dim>(n).fill('?');
}

/** Length of a 1-D input from its (possibly constant) shape, when known. */
export function vectorLength(inp: InferInput | undefined): number | undefined {
  const v = constInts(inp);
  if (v) return v.length;
  const d = inp?.shape?.[0];
  return inp?.shape?.length === 1 && typeof d === 'number' ? d : undefined;
}
