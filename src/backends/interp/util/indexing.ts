import { nodeError } from '../../../ir/node-error';
import { sizeOf } from '../../../ir/tensor';
import type { KernelContext } from '../kernel';


/**
 * Flat source index for every output element, from one lookup table per output axis: table[a][i] is what
 * output coordinate i on axis a adds to the source offset, or -1 when that coordinate reads nothing (padding).
 * Any -1 makes the whole element -1. Row-major over `outDims`.
 */
export function indexFromAxisTables(outDims: readonly number[], tables: readonly Int32Array[]): Int32Array {
  const n = sizeOf(outDims);
  const index = new Int32Array(n);
  const rank = outDims.length;
  if (n === 0) return index;
  if (rank === 0) {
    index[0] = 0;
    return index;
  }
  let k = 0;
  const last = tables[rank - 1]!;
  const lastDim = outDims[rank - 1]!;
  const walk = (axis: number, off: number): void => {
    if (axis === rank - 1) {
      for (let i = 0; i < lastDim; i++) {
        const t = last[i]!;
        index[k++] = off < 0 || t < 0 ? -1 : off + t;
      }
      return;
    }
    const table = tables[axis]!;
    for (let i = 0; i < outDims[axis]!; i++) {
      const t = table[i]!;
      walk(axis + 1, off < 0 || t < 0 ? -1 : off + t);
    }
  };
  walk(0, 0);
  return index;
}

/** Row-major coordinates of flat index `flat` in `dims` written into `coord`. */
export function unravel(flat: number, dims: readonly number[], coord: number[]): void {
  for (let a = dims.length - 1; a >= 0; a--) {
    const d = dims[a]!;
    coord[a] = d === 0 ? 0 : flat % d;
    flat = d === 0 ? 0 : Math.floor(flat / d);
  }
}

/** Normalizes a possibly-negative index into [0, dim) or throws E_INPUT naming the node. */
export function normalizeIndex(ctx: KernelContext, idx: number, dim: number, what = 'index'): number {
  const i = idx < 0 ? idx + dim : idx;
  if (!(i >= 0 && i < dim)) {
    throw nodeError(ctx.node, 'E_INPUT', `${what} ${idx} is out of range for a dimension of size ${dim}`, `valid values are ${-dim}..${dim - 1}`);
  }
  return i;
}
