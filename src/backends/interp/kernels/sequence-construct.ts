import { HoduError } from '../../../errors';
import { defineKernel, tensorInput } from '../kernel';
import { nodeLabel } from '../util/indexing';

export default defineKernel('SequenceConstruct', (inputs, ctx) => {
  const items = inputs.map((_, i) => tensorInput(inputs, i, ctx));
  const mixed = items.find((t) => t.dtype !== items[0]!.dtype);
  if (mixed) throw new HoduError('E_DTYPE', `${nodeLabel(ctx)}: a sequence holds one dtype, got ${items[0]!.dtype} and ${mixed.dtype}`);
  return [items];
});
