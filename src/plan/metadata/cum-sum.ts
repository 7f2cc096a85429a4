import type { Builder } from './context';

// [exclusive, reverse] (the axis stays an input, read at run time)
export const cumSum: Builder = (c) => [c.attr<number>('exclusive') ? 1 : 0, c.attr<number>('reverse') ? 1 : 0];
