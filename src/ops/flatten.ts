import { dimProduct } from './_dim-inference';
import { defineOp } from './schema';
import { HoduError } from '../errors';
import { ALL } from './_types';

// Flatten-1/9/11/13: [d0..d(axis-1), d(axis)..] -> [prod, prod]; axis in [-r, r] (negative from 11).
export default defineOp({
  op: 'Flatten',
  sinceVersion: 1,
  versions: [1, 9, 11, 13, 21], types: { T: ALL },
  inputs: [{ name: 'input', type: 'T' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { axis: { type: 'int', default: 1 } },
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype, shape: ['?', '?'] }];
    const rank = x.shape.length;
    const raw = ctx.attr<number>('axis');
    const axis = raw < 0 ? raw + rank : raw;
    if (axis < 0 || axis > rank) {
      throw new HoduError('E_ATTR', `Flatten node '${ctx.node.name}': axis ${raw} is out of range for rank ${rank}`);
    }
    return [{ dtype: x.dtype, shape: [dimProduct(x.shape.slice(0, axis)), dimProduct(x.shape.slice(axis))] }];
  },
});
