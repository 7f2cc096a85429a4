import { normalizeAxis } from '../ir/axis';
import type { Dim } from '../ir/graph';
import { mergeDim, shapeError } from './_dim-inference';
import { defineOp } from './schema';
import { ALL } from './_types';

/** Concat's axis as given (maybe negative): Concat-1 defaulted it to 1; from opset 4 it is required. */
export function concatAxis(attr: <T>(name: string) => T, opset: number): number {
  return attr<number | undefined>('axis') ?? (opset < 4 ? 1 : 0);
}

// Concat-1 had axis default 1; from opset 4 axis is required; negative axes from opset 11.
export default defineOp({
  op: 'Concat',
  sinceVersion: 1,
  versions: [1, 4, 11, 13], types: { T: ALL },
  inputs: [{ name: 'inputs', type: 'T', variadic: true }],
  outputs: [{ name: 'concat_result', type: 'T' }],
  attributes: { axis: { type: 'int' } },
  infer(ctx) {
    const ins = ctx.inputs;
    const dtype = ins.find((i) => i?.dtype)?.dtype;
    const known = ins.find((i) => i?.shape)?.shape;
    if (!known) return [{ dtype }];
    const rank = known.length;
    const axis = normalizeAxis(concatAxis(ctx.attr, ctx.opset), rank, ctx.node);
    const out: Dim[] = known.slice();
    let sum: Dim = 0;
    for (const inp of ins) {
      const s = inp?.shape;
      if (!s) {
        sum = '?';
        continue;
      }
      if (s.length !== rank) throw shapeError(ctx, `inputs have ranks ${rank} and ${s.length}`);
      s.forEach((d, a) => {
        if (a !== axis) out[a] = mergeDim(out[a]!, d, ctx, `inputs disagree on dim ${a}`);
      });
      sum = typeof sum === 'number' && typeof s[axis] === 'number' ? sum + (s[axis] as number) : '?';
    }
    out[axis] = sum;
    return [{ dtype, shape: out }];
  },
});
