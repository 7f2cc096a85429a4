import { defineOp } from './registry';

/** Shape-15 start/end: clamped like Python slicing of the dims list. */
export function shapeRange(rank: number, start: number, end: number | undefined): [number, number] {
  const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + rank : v, 0), rank);
  return [clamp(start), clamp(end ?? rank)];
}

// Shape-1/13/15/19/21: the input's dims as a 1-D int64 tensor (opset 15 adds start/end).
export default defineOp({
  op: 'Shape',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'data' }],
  outputs: [{ name: 'shape' }],
  attributes: { start: { type: 'int', default: 0 }, end: { type: 'int' } },
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: 'int64', shape: ['?'] }];
    const [s, e] = ctx.opset >= 15 ? shapeRange(x.shape.length, ctx.attr<number>('start'), ctx.attr<number | undefined>('end')) : [0, x.shape.length];
    return [{ dtype: 'int64', shape: [Math.max(0, e - s)] }];
  },
});
