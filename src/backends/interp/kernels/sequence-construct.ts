import { nodeError } from '../../../ir/node-error';
import { defineKernel, tensorInput } from '../kernel';

export default defineKernel('SequenceConstruct', (inputs, ctx) => {
  const items = inputs.map((_, i) => tensorInput(inputs, i, ctx));
  const mixed = items.find((t) => t.dtype !== items[0]!.dtype);
  if (mixed) throw nodeError(ctx.node, 'E_DTYPE', `a sequence holds one dtype, got ${items[0]!.dtype} and ${mixed.dtype}`);
  return [items];
});
