import { HoduError } from '../../../errors';
import { sizeOf, stridesOf } from '../../../ir/tensor';

/** numpy broadcast of concrete shapes. */
export function broadcastShape(shapes: readonly (readonly number[])[], where = ''): number[] {
  const rank = shapes.reduce((r, s) => Math.max(r, s.length), 0); // not Math.max(...): variadic ops have unbounded inputs
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const o = rank - s.length + i;
      const d = s[i]!;
      if (d === 1) continue;
      if (out[o] === 1) out[o] = d;
      else if (out[o] !== d) {
        throw new HoduError('E_SHAPE', `cannot broadcast shapes ${shapes.map((x) => `[${x.join(',')}]`).join(' and ')}${where}`, {
          hint: 'check the input shapes against what the model expects (hodu inspect MODEL)',
        });
      }
    }
  }
  return out;
}

/**
 * For each output element (row-major over `outDims`), the flat index into an input of shape `inDims`
 * broadcast to `outDims`. Returns null when the input already has `outDims` (identity mapping).
 */
export function broadcastIndex(inDims: readonly number[], outDims: readonly number[]): Int32Array | null {
  if (inDims.length === outDims.length && inDims.every((d, i) => d === outDims[i])) return null;
  const n = sizeOf(outDims);
  const rank = outDims.length;
  const inStrides = stridesOf(inDims);
  // Effective stride per output axis: 0 where the input is broadcast (missing or size 1).
  const eff = new Array<number>(rank).fill(0);
  for (let i = 0; i < inDims.length; i++) {
    const o = rank - inDims.length + i;
    eff[o] = inDims[i] === 1 ? 0 : inStrides[i]!;
  }
  const idx = new Int32Array(n);
  if (n === 0) return idx;
  const counter = new Array<number>(rank).fill(0);
  let off = 0;
  for (let k = 0; k < n; k++) {
    idx[k] = off;
    for (let a = rank - 1; a >= 0; a--) {
      counter[a]!++;
      off += eff[a]!;
      if (counter[a]! < outDims[a]!) break;
      off -= eff[a]! * counter[a]!;
      counter[a] = 0;
    }
  }
  return idx;
}
