import { normalizeAxis } from '../ir/axis';
import type { Dim } from '../ir/graph';
import { constInts } from './_dim-inference';
import { defineOp } from './schema';
import { ALL } from './_types';

/**
 * Chunk sizes for an equal split of `dim` into `n` outputs. Split-18 with num_outputs allows an uneven split
 * (ceil-sized chunks, the last smaller); before that the dim must divide evenly (null when it does not).
 */
export function equalSplit(dim: number, n: number, allowUneven: boolean): number[] | null {
  if (dim % n === 0) return new Array<number>(n).fill(dim / n);
  if (!allowUneven) return null;
  const chunk = Math.ceil(dim / n);
  return Array.from({ length: n }, (_, i) => Math.max(0, Math.min(chunk, dim - i * chunk)));
}

// Split-1: `split` attr or 2nd input; -2: attr; -11: negative axis; -13: `split` input; -18: num_outputs.
export default defineOp({
  op: 'Split',
  sinceVersion: 1,
  versions: [1, 2, 11, 13, 18], types: { T: ALL },
  inputs: [{ name: 'input', type: 'T' }, { name: 'split', type: 'int64', optional: true }],
  outputs: [{ name: 'outputs', type: 'T', variadic: true }],
  attributes: {
    axis: { type: 'int', default: 0 },
    split: { type: 'ints' },
    num_outputs: { type: 'int' },
  },
  infer(ctx) {
    const x = ctx.inputs[0];
    const n = ctx.node.outputs.length;
    if (!x?.shape) return new Array(n).fill({ dtype: x?.dtype });
    const axis = normalizeAxis(ctx.attr<number>('axis'), x.shape.length, ctx.node);
    const useInput = ctx.opset >= 13 || (ctx.opset < 2 && ctx.inputs[1] !== undefined);
    let sizes: (number | undefined)[] | null | undefined = useInput ? constInts(ctx.inputs[1]) : ctx.attr<number[] | undefined>('split');
    const dim = x.shape[axis]!;
    if (!sizes && !(useInput && ctx.inputs[1])) sizes = typeof dim === 'number' ? equalSplit(dim, n, ctx.opset >= 18) : undefined;
    return Array.from({ length: n }, (_, i) => {
      const shape: Dim[] = x.shape!.slice();
      shape[axis] = sizes?.[i] ?? '?';
      return { dtype: x.dtype, shape };
    });
  },
});
