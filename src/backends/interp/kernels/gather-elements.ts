import { normalizeAxis } from '../../../ir/axis';
import { allocData } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { stridesOf, Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { storeOf } from '../util/copy';
import { normalizeIndex, unravel } from '../util/indexing';

export default defineKernel('GatherElements', (inputs, ctx) => {
  const data = tensorInput(inputs, 0, ctx);
  const indices = tensorInput(inputs, 1, ctx);
  const axis = normalizeAxis(ctx.attr<number>('axis'), data.rank, ctx.node);
  if (indices.rank !== data.rank || indices.dims.some((d, a) => a !== axis && d > data.dims[a]!)) {
    throw nodeError(ctx.node, 'E_SHAPE', `indices [${indices.dims.join(',')}] do not fit data [${data.dims.join(',')}]`,
      'indices must have the data rank and, off the axis, dims no larger than the data');
  }
  const idx = toIntList(indices);
  const strides = stridesOf(data.dims);
  const out = allocData(data.dtype, idx.length);
  const o = storeOf(out);
  const src = storeOf(data.data);
  const coord = new Array<number>(data.rank).fill(0);
  for (let k = 0; k < idx.length; k++) {
    unravel(k, indices.dims, coord);
    coord[axis] = normalizeIndex(ctx, idx[k]!, data.dims[axis]!);
    let off = 0;
    for (let a = 0; a < coord.length; a++) off += coord[a]! * strides[a]!;
    o[k] = src[off]!;
  }
  return [new Tensor(data.dtype, indices.dims, out)];
});
