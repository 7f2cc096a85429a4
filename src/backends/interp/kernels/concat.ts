import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import type { Tensor } from '../../../ir/tensor';
import { concatAxis } from '../../../ops/concat';
import { defineKernel, tensorInput } from '../kernel';
import { concatTensors } from '../util/copy';

// Concatenates along `axis`; every other dim must match (zero-size inputs simply contribute nothing).
export default defineKernel('Concat', (inputs, ctx) => {
  const parts: Tensor[] = inputs.map((_, i) => tensorInput(inputs, i, ctx));
  if (parts.length === 0) throw nodeError(ctx.node, 'E_INPUT', 'needs at least one input');
  const first = parts[0]!;
  const axis = normalizeAxis(concatAxis(ctx.attr, ctx.opset), first.rank, ctx.node);
  const outDims = first.dims.slice();
  outDims[axis] = 0;
  for (const p of parts) {
    const mismatch = p.dtype !== first.dtype || p.rank !== first.rank || p.dims.some((d, a) => a !== axis && d !== first.dims[a]);
    if (mismatch) {
      throw nodeError(ctx.node, 'E_SHAPE', `cannot concatenate ${first.dtype}[${first.dims.join(',')}] and ${p.dtype}[${p.dims.join(',')}] on axis ${axis}`,
        'all inputs must have the same dtype, rank and dims except on the concat axis');
    }
    outDims[axis]! += p.dims[axis]!;
  }
  return [concatTensors(parts, axis, outDims)];
});
