import { normalizeAxis } from '../../../ir/axis';
import { isBigDType, type BigArray } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { Tensor, toNumbers } from '../../../ir/tensor';
import type { Kernel } from '../kernel';
import { numericInput } from './unary';

/**
 * ArgMax/ArgMin: the index of the element along the axis that `beats` every other; ties keep the first
 * index unless select_last_index=1. int64 inputs are compared as bigints so that values beyond 2^53 are
 * ordered exactly. `which` ("largest"/"smallest") names the extreme in the empty-axis error.
 */
export function argExtremeKernel(which: string, beats: (a: number | bigint, b: number | bigint) => boolean): Kernel {
  return (inputs, ctx) => {
    const x = numericInput(inputs, 0, ctx);
    const axis = normalizeAxis(ctx.attr<number>('axis'), x.rank, ctx.node);
    const last = ctx.attr<number>('select_last_index') !== 0;
    const n = x.dims[axis]!;
    if (n === 0) throw nodeError(ctx.node, 'E_SHAPE', `cannot take the ${which} of an empty axis ${axis} ([${x.dims}])`);
    const inner = x.dims.slice(axis + 1).reduce((a, b) => a * b, 1);
    const outer = x.size / (n * inner);
    const v: ArrayLike<number | bigint> = isBigDType(x.dtype) ? (x.data as BigArray) : toNumbers(x);
    const out = new BigInt64Array(outer * inner);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let best = 0;
        for (let k = 1; k < n; k++) {
          const a = v[base + k * inner]!;
          const b = v[base + best * inner]!;
          if (beats(a, b) || (last && a === b)) best = k;
        }
        out[o * inner + i] = BigInt(best);
      }
    }
    const keep = ctx.attr<number>('keepdims') !== 0;
    const dims = keep ? x.dims.map((d, k) => (k === axis ? 1 : d)) : x.dims.filter((_, k) => k !== axis);
    return [new Tensor('int64', dims, out)];
  };
}
