import { normalizeAxis } from '../../../ir/axis';
import { sizeOf, Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';

// A 2-D view [prod(dims[:axis]), prod(dims[axis:])]; shares storage.
export default defineKernel('Flatten', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const axis = normalizeAxis(ctx.attr<number>('axis'), x.rank, ctx.node, 'axis', { allowEnd: true });
  return [new Tensor(x.dtype, [sizeOf(x.dims.slice(0, axis)), sizeOf(x.dims.slice(axis))], x.data)];
});
