import { broadcastStrides, need, type Builder } from './context';

// [rank, out_dims(rank), cond_strides(rank), x_strides(rank), y_strides(rank)]: three-way numpy broadcasting.
export const where: Builder = (c) => {
  const out = c.outputs[0]!;
  return [out.length, ...out, ...[0, 1, 2].flatMap((i) => broadcastStrides(need(c, i), out))];
};
