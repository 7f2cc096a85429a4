import { normalizeAxis } from '../../ir/axis';
import { floatBits, need, type Builder } from './context';

// [outer, n, epsilon_bits]: statistics over each run of n = product(dims[axis:]) elements, outer runs.
export const layerNorm: Builder = (c) => {
  const x = need(c, 0);
  const axis = normalizeAxis(c.attr<number>('axis'), x.length, c.node);
  const size = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);
  return [size(x.slice(0, axis)), size(x.slice(axis)), floatBits(c.attr<number>('epsilon'))];
};
