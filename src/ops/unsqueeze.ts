import { normalizeAxis } from '../ir/axis';
import type { Dim } from '../ir/graph';
import { constInts, shapeError } from './_dim-inference';
import { defineOp } from './schema';
import { ALL } from './_types';

/** Inserts 1s at `axes` (normalized against the output rank). Null when axes repeat. */
export function unsqueezeDims<D extends Dim>(dims: readonly D[], axes: number[]): (D | 1)[] | null {
  const outRank = dims.length + axes.length;
  const norm = axes.map((a) => (a < 0 ? a + outRank : a));
  if (new Set(norm).size !== norm.length || norm.some((a) => a < 0 || a >= outRank)) return null;
  const out: (D | 1)[] = [];
  let k = 0;
  for (let i = 0; i < outRank; i++) out.push(norm.includes(i) ? 1 : dims[k++]!);
  return out;
}

// Unsqueeze-1/11: axes attribute (negative from 11); Unsqueeze-13: axes input.
export default defineOp({
  op: 'Unsqueeze',
  sinceVersion: 1,
  versions: [1, 11, 13, 21], types: { T: ALL },
  inputs: [{ name: 'data', type: 'T' }, { name: 'axes', type: 'int64', optional: true }],
  outputs: [{ name: 'expanded', type: 'T' }],
  attributes: { axes: { type: 'ints' } },
  infer(ctx) {
    const x = ctx.inputs[0];
    const axes = ctx.opset < 13 ? ctx.attr<number[] | undefined>('axes') : constInts(ctx.inputs[1]);
    if (!x?.shape || !axes) return [{ dtype: x?.dtype }];
    const out = unsqueezeDims(x.shape, axes);
    if (!out) {
      axes.forEach((a) => normalizeAxis(a, x.shape!.length + axes.length, ctx.node));
      throw shapeError(ctx, `repeated axes [${axes.join(',')}]`);
    }
    return [{ dtype: x.dtype, shape: out }];
  },
});
