import { floatBits, type Builder } from './context';

// GroupNormalization: [num_groups, per_channel, epsilon_bits] (per_channel: scale and bias one per channel,
// from opset 21; one per group at 18).
export const groupNorm: Builder = (c) => [c.attr<number>('num_groups'), c.opset >= 21 ? 1 : 0, floatBits(c.attr<number>('epsilon'))];
