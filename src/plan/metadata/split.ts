import { normalizeAxis } from '../../ir/axis';
import { need, type Builder } from './context';

// [axis] normalized to [0, rank): each output's extent along it is in the tensor table (the split input or
// attribute and num_outputs were resolved by shape inference), so the kernel needs nothing else.
export const split: Builder = (c) => [normalizeAxis(c.attr<number>('axis'), need(c, 0).length, c.node)];
