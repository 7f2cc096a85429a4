import { normalizeAxis } from '../ir/axis';
import { dimProduct } from './_dim-inference';
import { defineOp } from './schema';
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
    const axis = normalizeAxis(ctx.attr<number>('axis'), rank, ctx.node, 'axis', { allowEnd: true });
    return [{ dtype: x.dtype, shape: [dimProduct(x.shape.slice(0, axis)), dimProduct(x.shape.slice(axis))] }];
  },
});
