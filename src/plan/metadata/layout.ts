import { normalizeAxis } from '../../ir/axis';
import { concatAxis } from '../../ops/concat';
import { transposePerm } from '../../ops/transpose';
import { need, type Builder } from './context';

// [rank, perm(rank)]
export const transpose: Builder = (c) => {
  const rank = need(c, 0).length;
  return [rank, ...transposePerm(c.attr<number[] | undefined>('perm'), rank)];
};

// [axis] normalized to [0, rank)
export const concat: Builder = (c) => {
  const rank = c.outputs[0]!.length;
  const axis = concatAxis(c.attr, c.opset);
  return [normalizeAxis(axis, rank, c.node)];
};
