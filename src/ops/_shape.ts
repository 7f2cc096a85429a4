import { HoduError } from '../errors';
import type { Dim } from '../ir/graph';
import { toIntList } from '../ir/tensor';
import type { InferContext, InferInput } from './schema';

/** Shape-inference helpers for the shape / data-movement ops (symbolic dims are strings, '?' unknown). */

/** The integer values of a constant input (e.g. Reshape's shape), or undefined when not constant. */
export function constInts(inp: InferInput | undefined): number[] | undefined {
  if (!inp?.value || inp.value.dtype === 'string') return undefined;
  return toIntList(inp.value);
}

/** Product of dims: a number when all are known, else '?'. */
export function dimProduct(dims: readonly Dim[]): Dim {
  let p = 1;
  for (const d of dims) {
    if (typeof d !== 'number') return '?';
    p *= d;
  }
  return p;
}

/** Sum of dims: a number when all are known, else '?'. */
export function dimSum(dims: readonly Dim[]): Dim {
  let s = 0;
  for (const d of dims) {
    if (typeof d !== 'number') return '?';
    s += d;
  }
  return s;
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
  return new HoduError('E_SHAPE', `${ctx.node.op} node '${ctx.node.name}': ${msg}`, { hint });
}

/** Normalizes an axis against a rank for inference (E_ATTR when out of range). */
export function inferAxis(ctx: InferContext, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) {
    throw new HoduError('E_ATTR', `${ctx.node.op} node '${ctx.node.name}': axis ${axis} is out of range for rank ${rank}`);
  }
  return a;
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
