import { normalizeAxis } from '../ir/axis';
import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// Compress-9/11 (negative axis): keeps the slices along `axis` (or of the flattened input) where condition is true.
export default defineOp({
  op: 'Compress',
  sinceVersion: 9,
  versions: [9, 11], types: { T: ALL_BUT_BF16, T1: ['bool'] },
  inputs: [{ name: 'input', type: 'T' }, { name: 'condition', type: 'T1' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { axis: { type: 'int' } },
  infer(ctx) {
    const x = ctx.inputs[0];
    const axis = ctx.attr<number | undefined>('axis');
    if (axis === undefined) return [{ dtype: x?.dtype, shape: ['?'] }];
    if (!x?.shape) return [{ dtype: x?.dtype }];
    const a = normalizeAxis(axis, x.shape.length, ctx.node);
    return [{ dtype: x.dtype, shape: x.shape.map((d, i) => (i === a ? '?' : d)) }];
  },
});
