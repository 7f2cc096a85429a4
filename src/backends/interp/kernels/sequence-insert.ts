import { nodeError } from '../../../ir/node-error';
import { toIntList } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { sequenceInput } from '../util/copy';
import { normalizeIndex } from '../util/indexing';

export default defineKernel('SequenceInsert', (inputs, ctx) => {
  const seq = sequenceInput(inputs, 0, ctx);
  const item = tensorInput(inputs, 1, ctx);
  if (seq.length && seq[0]!.dtype !== item.dtype) {
    throw nodeError(ctx.node, 'E_DTYPE', `cannot insert a ${item.dtype} tensor into a sequence of ${seq[0]!.dtype}`);
  }
  const posT = optionalInput(inputs, 2);
  // Valid positions are -n..n: n appends, negative ones count from the back (-1 inserts before the last).
  const raw = posT ? toIntList(posT)[0]! : seq.length;
  const pos = normalizeIndex(ctx, raw < 0 ? raw + seq.length : raw, seq.length + 1, 'position');
  const out = seq.slice();
  out.splice(pos, 0, item);
  return [out];
});
