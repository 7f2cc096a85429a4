import { normalizeAxis } from '../../ir/axis';
import { need, type Builder } from './context';

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

// ArgMax/ArgMin: [outer, axis_dim, inner, select_last_index] (outer/inner: products of the dims before/after
// the axis; keepdims shows in Y's dims only).
export const argExtreme: Builder = (c) => {
  const x = need(c, 0);
  const axis = normalizeAxis(c.attr<number>('axis'), x.length, c.node);
  return [product(x.slice(0, axis)), x[axis]!, product(x.slice(axis + 1)), c.attr<number>('select_last_index') ? 1 : 0];
};
