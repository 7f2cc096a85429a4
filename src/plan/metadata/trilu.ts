import type { Builder } from './context';

// [upper] (k stays an optional input, read at run time)
export const trilu: Builder = (c) => [c.attr<number>('upper') ? 1 : 0];
