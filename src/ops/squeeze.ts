import { normalizeAxis } from '../ir/axis';
import type { Dim } from '../ir/graph';
import { constInts } from './_dim-inference';
import { defineOp } from './schema';
import { ALL } from './_types';

// Squeeze-1/11: axes attribute (negative from 11); Squeeze-13: axes input. No axes: drop every dim of size 1.
export default defineOp({
  op: 'Squeeze',
  sinceVersion: 1,
  versions: [1, 11, 13, 21], types: { T: ALL },
  inputs: [{ name: 'data', type: 'T' }, { name: 'axes', type: 'int64', optional: true }],
  outputs: [{ name: 'squeezed', type: 'T' }],
  attributes: { axes: { type: 'ints' } },
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype }];
    const rank = x.shape.length;
    const hasAxes = ctx.opset < 13 ? ctx.node.attributes.axes !== undefined : ctx.inputs[1] !== undefined;
    const axes = ctx.opset < 13 ? ctx.attr<number[] | undefined>('axes') : constInts(ctx.inputs[1]);
    if (hasAxes && !axes) return [{ dtype: x.dtype }];
    if (!axes) {
      // A symbolic dim may or may not be 1: the output rank is unknown then.
      if (x.shape.some((d) => typeof d !== 'number')) return [{ dtype: x.dtype }];
      return [{ dtype: x.dtype, shape: x.shape.filter((d) => d !== 1) }];
    }
    const drop = new Set(axes.map((a) => normalizeAxis(a, rank, ctx.node)));
    return [{ dtype: x.dtype, shape: x.shape.filter((_, i) => !drop.has(i)) as Dim[] }];
  },
});
