import { floatBits, type Builder } from './context';

// [min_bits, max_bits]: the min/max attributes before opset 11; from 11 the bounds are optional inputs, so
// the metadata says ±inf and a kernel takes a bound input instead when it is present.
export const clip: Builder = (c) =>
  c.opset < 11 ? [floatBits(c.attr<number>('min')), floatBits(c.attr<number>('max'))] : [floatBits(-Infinity), floatBits(Infinity)];
