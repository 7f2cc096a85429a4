import { normalizeAxis } from '../ir/axis';
import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// Unique-11: the unique elements (or slices along `axis`) of X, sorted ascending or in first-occurrence
// order, plus the first-occurrence index of each, the inverse mapping of every input element, and counts.
export default defineOp({
  op: 'Unique',
  sinceVersion: 11,
  versions: [11], types: { T: ALL_BUT_BF16 },
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }, { name: 'indices', type: 'int64', optional: true }, { name: 'inverse_indices', type: 'int64', optional: true }, { name: 'counts', type: 'int64', optional: true }],
  attributes: { axis: { type: 'int' }, sorted: { type: 'int', default: 1 } },
  infer: (ctx) => {
    const x = ctx.inputs[0];
    const axis = ctx.attr<number | undefined>('axis');
    let yShape: (number | string)[] | undefined = ['?'];
    let inverse: (number | string)[] | undefined = x?.shape ? [x.shape.reduce<number | string>((a, d) => (typeof a === 'number' && typeof d === 'number' ? a * d : '?'), 1)] : ['?'];
    if (axis !== undefined) {
      if (x?.shape) {
        const a = normalizeAxis(axis, x.shape.length, ctx.node);
        yShape = x.shape.map((d, i) => (i === a ? '?' : d));
        inverse = [x.shape[a]!];
      } else yShape = inverse = undefined;
    }
    return [{ dtype: x?.dtype, shape: yShape }, { dtype: 'int64', shape: ['?'] }, { dtype: 'int64', shape: inverse }, { dtype: 'int64', shape: ['?'] }];
  },
});
