import { defineKernel, tensorInput } from '../kernel';
import { toIntList } from '../../../ir/tensor';
import { sequenceInput } from '../util/copy';
import { normalizeIndex } from '../util/indexing';

export default defineKernel('SequenceAt', (inputs, ctx) => {
  const seq = sequenceInput(inputs, 0, ctx);
  const pos = normalizeIndex(ctx, toIntList(tensorInput(inputs, 1, ctx))[0]!, seq.length, 'position');
  return [seq[pos]!];
});
