import { floatBits, type Builder } from './context';

// [epsilon_bits] (N, C and the spatial size come from the input's dims)
export const instanceNorm: Builder = (c) => [floatBits(c.attr<number>('epsilon'))];
