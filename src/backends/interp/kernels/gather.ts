import { normalizeAxis } from '../../../ir/axis';
import { allocData } from '../../../ir/dtype';
import { Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { copyRange } from '../util/copy';
import { normalizeIndex } from '../util/indexing';

// For each outer block and each index, copies the inner block data[o, idx, :].
export default defineKernel('Gather', (inputs, ctx) => {
  const data = tensorInput(inputs, 0, ctx);
  const indices = tensorInput(inputs, 1, ctx);
  const axis = normalizeAxis(ctx.attr<number>('axis'), data.rank, ctx.node);
  const axisDim = data.dims[axis]!;
  const idx = toIntList(indices).map((i) => normalizeIndex(ctx, i, axisDim));
  let outer = 1;
  for (let a = 0; a < axis; a++) outer *= data.dims[a]!;
  let inner = 1;
  for (let a = axis + 1; a < data.rank; a++) inner *= data.dims[a]!;
  const outDims = [...data.dims.slice(0, axis), ...indices.dims, ...data.dims.slice(axis + 1)];
  const out = allocData(data.dtype, outer * idx.length * inner);
  let k = 0;
  for (let o = 0; o < outer; o++) {
    for (const i of idx) {
      copyRange(data.data, (o * axisDim + i) * inner, out, k, inner);
      k += inner;
    }
  }
  return [new Tensor(data.dtype, outDims, out)];
});
