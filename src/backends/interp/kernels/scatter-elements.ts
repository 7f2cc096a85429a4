import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { stridesOf, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput, type KernelContext } from '../kernel';
import { cloneTensor, reductionFor, storeOf } from '../util/copy';
import { normalizeIndex, unravel } from '../util/indexing';

/** The combine function for a Scatter* node's `reduction`, checked against the opset that introduced it. */
export function scatterReduction(ctx: KernelContext, dtype: Parameters<typeof reductionFor>[0]) {
  const reduction = ctx.attr<string>('reduction');
  const allowed = ['none', ...(ctx.opset >= 16 ? ['add', 'mul'] : []), ...(ctx.opset >= 18 ? ['max', 'min'] : [])];
  const fn = allowed.includes(reduction) ? reductionFor(dtype, reduction) : undefined;
  if (!fn) {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `reduction '${reduction}' is not supported for ${dtype} at opset ${ctx.opset}`,
      `supported: ${allowed.join(', ')}`);
  }
  return fn;
}

export default defineKernel('ScatterElements', (inputs, ctx) => {
  const data = tensorInput(inputs, 0, ctx);
  const indices = tensorInput(inputs, 1, ctx);
  const updates = tensorInput(inputs, 2, ctx);
  const axis = normalizeAxis(ctx.attr<number>('axis'), data.rank, ctx.node);
  const combine = scatterReduction(ctx, data.dtype);
  if (updates.dims.join(',') !== indices.dims.join(',') || indices.rank !== data.rank) {
    throw nodeError(ctx.node, 'E_SHAPE', `indices [${indices.dims.join(',')}] and updates [${updates.dims.join(',')}] must match and have the rank of data [${data.dims.join(',')}]`);
  }
  const out = cloneTensor(data);
  const o = storeOf(out.data);
  const u = storeOf(updates.data);
  const idx = toIntList(indices);
  const strides = stridesOf(data.dims);
  const coord = new Array<number>(data.rank).fill(0);
  for (let k = 0; k < idx.length; k++) {
    unravel(k, indices.dims, coord);
    coord[axis] = normalizeIndex(ctx, idx[k]!, data.dims[axis]!);
    let off = 0;
    for (let a = 0; a < coord.length; a++) {
      if (coord[a]! >= data.dims[a]!) throw nodeError(ctx.node, 'E_SHAPE', `indices [${indices.dims.join(',')}] exceed data [${data.dims.join(',')}]`);
      off += coord[a]! * strides[a]!;
    }
    o[off] = combine(o[off]!, u[k]!);
  }
  return [out];
});
