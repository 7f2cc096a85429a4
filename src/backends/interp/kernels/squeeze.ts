import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';

// Removes size-1 dims (the listed ones, or all); shares storage.
export default defineKernel('Squeeze', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const axesInput = optionalInput(inputs, 1);
  const axes = ctx.opset < 13 ? ctx.attr<number[] | undefined>('axes') : axesInput ? toIntList(axesInput) : undefined;
  let drop: Set<number>;
  if (axes) {
    drop = new Set(axes.map((a) => normalizeAxis(a, x.rank, ctx.node, 'axes value')));
    for (const a of drop) {
      if (x.dims[a] !== 1) {
        throw nodeError(ctx.node, 'E_SHAPE', `cannot squeeze axis ${a} of shape [${x.dims.join(',')}] (size ${x.dims[a]})`);
      }
    }
  } else drop = new Set(x.dims.flatMap((d, i) => (d === 1 ? [i] : [])));
  return [new Tensor(x.dtype, x.dims.filter((_, i) => !drop.has(i)), x.data)];
});
