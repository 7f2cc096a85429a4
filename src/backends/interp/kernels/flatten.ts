import { HoduError } from '../../../errors';
import { sizeOf, Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { nodeLabel } from '../util/indexing';

// A 2-D view [prod(dims[:axis]), prod(dims[axis:])]; shares storage.
export default defineKernel('Flatten', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const raw = ctx.attr<number>('axis');
  const axis = raw < 0 ? raw + x.rank : raw;
  if (axis < 0 || axis > x.rank) {
    throw new HoduError('E_ATTR', `${nodeLabel(ctx)}: axis ${raw} is out of range for rank ${x.rank}`, { hint: `valid values are ${-x.rank}..${x.rank}` });
  }
  return [new Tensor(x.dtype, [sizeOf(x.dims.slice(0, axis)), sizeOf(x.dims.slice(axis))], x.data)];
});
