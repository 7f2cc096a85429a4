import type { Builder } from './context';

// [approximate]: 0 'none', 1 'tanh', -1 any other spelling (the kernel refuses it; the interp reports it).
export const gelu: Builder = (c) => {
  const approximate = c.attr<string>('approximate');
  return [approximate === 'none' ? 0 : approximate === 'tanh' ? 1 : -1];
};
