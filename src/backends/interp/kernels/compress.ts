import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { storeOf } from '../util/copy';
import { concatTensors, sliceAxis } from '../util/copy';

export default defineKernel('Compress', (inputs, ctx) => {
  const input = tensorInput(inputs, 0, ctx);
  const cond = tensorInput(inputs, 1, ctx);
  const axisAttr = ctx.attr<number | undefined>('axis');
  const x = axisAttr === undefined ? new Tensor(input.dtype, [input.size], input.data) : input;
  const axis = axisAttr === undefined ? 0 : normalizeAxis(axisAttr, x.rank, ctx.node);
  if (cond.rank !== 1 || cond.size > x.dims[axis]!) {
    throw nodeError(ctx.node, 'E_INPUT', `condition [${cond.dims.join(',')}] must be 1-D and no longer than dim ${x.dims[axis]} on axis ${axis}`);
  }
  // Entries past the end of condition count as false.
  const c = storeOf(cond.data);
  const parts: Tensor[] = [];
  for (let i = 0; i < cond.size; i++) if (c[i]) parts.push(sliceAxis(x, axis, i, 1));
  const outDims = x.dims.slice();
  outDims[axis] = parts.length;
  return [parts.length ? concatTensors(parts, axis, outDims) : new Tensor(x.dtype, outDims)];
});
