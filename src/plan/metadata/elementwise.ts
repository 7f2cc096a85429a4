import { broadcastStrides, floatBits, need, type Builder } from './context';

// [rank, out_dims(rank), a_strides(rank), b_strides(rank)]
export const binary: Builder = (c) => {
  const out = c.outputs[0]!;
  return [out.length, ...out, ...broadcastStrides(need(c, 0), out), ...broadcastStrides(need(c, 1), out)];
};

// [alpha_bits] (LeakyRelu, Elu, Celu)
export const alphaOnly: Builder = (c) => [floatBits(c.attr<number>('alpha'))];

// [alpha_bits, beta_bits]
export const hardSigmoid: Builder = (c) => [floatBits(c.attr<number>('alpha')), floatBits(c.attr<number>('beta'))];

// [alpha_bits, gamma_bits]
export const selu: Builder = (c) => [floatBits(c.attr<number>('alpha')), floatBits(c.attr<number>('gamma'))];
