import { normalizeAxis } from '../../ir/axis';
import { need, type Builder } from './context';

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

// [outer, axis_dim, inner, n_indices]: outer/inner are the products of data's dims before/after the axis.
export const gather: Builder = (c) => {
  const data = need(c, 0);
  const axis = normalizeAxis(c.attr<number>('axis'), data.length, c.node);
  return [product(data.slice(0, axis)), data[axis]!, product(data.slice(axis + 1)), product(need(c, 1))];
};
