import { defineKernel, optionalInput } from '../kernel';
import { toIntList } from '../../../ir/tensor';
import { sequenceInput } from '../util/copy';
import { normalizeIndex } from '../util/indexing';

export default defineKernel('SequenceErase', (inputs, ctx) => {
  const seq = sequenceInput(inputs, 0, ctx);
  const posT = optionalInput(inputs, 1);
  const pos = normalizeIndex(ctx, posT ? toIntList(posT)[0]! : -1, seq.length, 'position');
  const out = seq.slice();
  out.splice(pos, 1);
  return [out];
});
