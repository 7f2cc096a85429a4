import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { Tensor } from '../../../ir/tensor';
import { defineKernel } from '../kernel';
import { concatTensors, sequenceInput } from '../util/copy';

// new_axis=1 stacks: each tensor gets a size-1 dim at `axis` (range -r-1..r), then they are concatenated.
export default defineKernel('ConcatFromSequence', (inputs, ctx) => {
  const seq = sequenceInput(inputs, 0, ctx);
  if (seq.length === 0) throw nodeError(ctx.node, 'E_INPUT', 'cannot concatenate an empty sequence');
  const first = seq[0]!;
  const stack = ctx.attr<number>('new_axis') === 1;
  const axis = normalizeAxis(ctx.attr<number>('axis'), first.rank + (stack ? 1 : 0), ctx.node);
  const parts = stack ? seq.map((t) => new Tensor(t.dtype, [...t.dims.slice(0, axis), 1, ...t.dims.slice(axis)], t.data)) : seq;
  const outDims = parts[0]!.dims.slice();
  outDims[axis] = 0;
  for (const p of parts) {
    if (p.dtype !== first.dtype || p.rank !== outDims.length || p.dims.some((d, a) => a !== axis && d !== outDims[a])) {
      throw nodeError(ctx.node, 'E_SHAPE', `cannot concatenate ${first.dtype}[${parts[0]!.dims.join(',')}] and ${p.dtype}[${p.dims.join(',')}] on axis ${axis}`);
    }
    outDims[axis]! += p.dims[axis]!;
  }
  return [concatTensors(parts, axis, outDims)];
});
