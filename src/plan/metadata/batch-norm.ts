import { floatBits, type Builder } from './context';

// [epsilon_bits, training_mode]: training_mode exists from opset 14 (before it, the attribute is ignored).
export const batchNorm: Builder = (c) => [floatBits(c.attr<number>('epsilon')), c.opset >= 14 && c.attr<number>('training_mode') === 1 ? 1 : 0];
