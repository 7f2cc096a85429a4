import { optionalInput, registerKernel } from '../kernel';
import { sequenceInput } from '../util/copy';
import { intsOf, normalizeIndex } from '../util/indexing';

export default registerKernel('SequenceErase', (inputs, ctx) => {
  const seq = sequenceInput(inputs, 0, ctx);
  const posT = optionalInput(inputs, 1);
  const pos = normalizeIndex(ctx, posT ? intsOf(posT)[0]! : -1, seq.length, 'position');
  const out = seq.slice();
  out.splice(pos, 1);
  return [out];
});
