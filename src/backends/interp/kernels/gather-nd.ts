import { allocData } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { sizeOf, stridesOf, Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { copyRange } from '../util/copy';
import { normalizeIndex } from '../util/indexing';

// Each index row (length k) picks a slab data[batch, i0..ik-1, ...]; the first batch_dims dims pair up.
export default defineKernel('GatherND', (inputs, ctx) => {
  const data = tensorInput(inputs, 0, ctx);
  const indices = tensorInput(inputs, 1, ctx);
  const b = ctx.attr<number>('batch_dims');
  const k = indices.dims[indices.rank - 1]!;
  const bad =
    indices.rank < 1 || b < 0 || b >= Math.min(data.rank, indices.rank) || b + k > data.rank ||
    indices.dims.slice(0, b).some((d, a) => d !== data.dims[a]);
  if (bad) {
    throw nodeError(ctx.node, 'E_SHAPE', `indices [${indices.dims.join(',')}] with batch_dims ${b} do not fit data [${data.dims.join(',')}]`);
  }
  const batch = sizeOf(data.dims.slice(0, b));
  const slab = sizeOf(data.dims.slice(b + k));
  const batchData = sizeOf(data.dims.slice(b));
  const rowsPerBatch = sizeOf(indices.dims.slice(b, -1));
  const strides = stridesOf(data.dims);
  const idx = toIntList(indices);
  const outDims = [...indices.dims.slice(0, -1), ...data.dims.slice(b + k)];
  const out = allocData(data.dtype, sizeOf(outDims));
  let row = 0;
  for (let bi = 0; bi < batch; bi++) {
    for (let r = 0; r < rowsPerBatch; r++, row++) {
      let off = bi * batchData;
      for (let j = 0; j < k; j++) off += normalizeIndex(ctx, idx[row * k + j]!, data.dims[b + j]!) * strides[b + j]!;
      copyRange(data.data, off, out, row * slab, slab);
    }
  }
  return [new Tensor(data.dtype, outDims, out)];
});
