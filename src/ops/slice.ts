import { normalizeAxis } from '../ir/axis';
import type { Dim } from '../ir/graph';
import { constInts, shapeError } from './_dim-inference';
import { defineOp } from './schema';
import { ALL, INDEX } from './_types';

/** Clamped start and element count of one sliced axis (ONNX Slice-10+ rules; steps may be negative). */
export function sliceRange(start: number, end: number, step: number, dim: number): { start: number; count: number } {
  if (start < 0) start += dim;
  if (end < 0) end += dim;
  if (step > 0) {
    start = Math.min(Math.max(start, 0), dim);
    end = Math.min(Math.max(end, 0), dim);
  } else {
    start = Math.min(Math.max(start, 0), dim - 1);
    end = Math.min(Math.max(end, -1), dim - 1);
  }
  return { start, count: Math.max(0, Math.ceil((end - start) / step)) };
}

// Slice-1: starts/ends/axes attributes; Slice-10+: inputs starts, ends, axes?, steps? (negative axes from 11).
export default defineOp({
  op: 'Slice',
  sinceVersion: 1,
  versions: [1, 10, 11, 13], types: { T: ALL, Tind: INDEX },
  inputs: [{ name: 'data', type: 'T' }, { name: 'starts', type: 'Tind', optional: true }, { name: 'ends', type: 'Tind', optional: true }, { name: 'axes', type: 'Tind', optional: true }, { name: 'steps', type: 'Tind', optional: true }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: {
    starts: { type: 'ints' },
    ends: { type: 'ints' },
    axes: { type: 'ints' },
  },
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype }];
    const rank = x.shape.length;
    const old = ctx.opset < 10;
    const starts = old ? ctx.attr<number[] | undefined>('starts') : constInts(ctx.inputs[1]);
    const ends = old ? ctx.attr<number[] | undefined>('ends') : constInts(ctx.inputs[2]);
    const axesIn = old ? ctx.attr<number[] | undefined>('axes') : ctx.inputs[3] ? constInts(ctx.inputs[3]) : undefined;
    const axesKnown = old || !ctx.inputs[3] || axesIn !== undefined;
    const steps = old || !ctx.inputs[4] ? undefined : constInts(ctx.inputs[4]);
    const stepsKnown = old || !ctx.inputs[4] || steps !== undefined;
    if (!starts || !ends || !axesKnown || !stepsKnown) {
      // Which axes change is unknown: keep the rank only.
      return [{ dtype: x.dtype, shape: x.shape.map(() => '?') }];
    }
    if (starts.length !== ends.length) throw shapeError(ctx, `starts has ${starts.length} values but ends has ${ends.length}`);
    const axes = (axesIn ?? starts.map((_, i) => i)).map((a) => normalizeAxis(a, rank, ctx.node));
    const out: Dim[] = x.shape.slice();
    axes.forEach((a, i) => {
      const step = steps?.[i] ?? 1;
      if (step === 0) throw shapeError(ctx, 'steps cannot be 0');
      const dim = x.shape![a]!;
      if (typeof dim === 'number') out[a] = sliceRange(starts[i]!, ends[i]!, step, dim).count;
      // x[0:INT_MAX] on a symbolic dim keeps the dim.
      else out[a] = starts[i] === 0 && step === 1 && ends[i]! >= 2 ** 31 - 1 ? dim : '?';
    });
    return [{ dtype: x.dtype, shape: out }];
  },
});
