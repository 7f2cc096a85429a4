import { nodeError } from '../../../ir/node-error';
import { sizeOf, stridesOf, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { cloneTensor, storeOf } from '../util/copy';
import { normalizeIndex } from '../util/indexing';
import { scatterReduction } from './scatter-elements';

export default defineKernel('ScatterND', (inputs, ctx) => {
  const data = tensorInput(inputs, 0, ctx);
  const indices = tensorInput(inputs, 1, ctx);
  const updates = tensorInput(inputs, 2, ctx);
  const combine = scatterReduction(ctx, data.dtype);
  const k = indices.dims[indices.rank - 1] ?? 0;
  const expected = [...indices.dims.slice(0, -1), ...data.dims.slice(k)];
  if (indices.rank < 1 || k > data.rank || updates.dims.join(',') !== expected.join(',')) {
    throw nodeError(ctx.node, 'E_SHAPE', `updates [${updates.dims.join(',')}] should be [${expected.join(',')}] for indices [${indices.dims.join(',')}] and data [${data.dims.join(',')}]`);
  }
  const slab = sizeOf(data.dims.slice(k));
  const rows = sizeOf(indices.dims.slice(0, -1));
  const strides = stridesOf(data.dims);
  const idx = toIntList(indices);
  const out = cloneTensor(data);
  const o = storeOf(out.data);
  const u = storeOf(updates.data);
  for (let r = 0; r < rows; r++) {
    let off = 0;
    for (let j = 0; j < k; j++) off += normalizeIndex(ctx, idx[r * k + j]!, data.dims[j]!) * strides[j]!;
    for (let e = 0; e < slab; e++) o[off + e] = combine(o[off + e]!, u[r * slab + e]!);
  }
  return [out];
});
