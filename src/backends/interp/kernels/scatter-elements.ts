import { HoduError } from '../../../errors';
import { stridesOf, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput, type KernelContext } from '../kernel';
import { cloneTensor, reductionFor, storeOf } from '../util/copy';
import { nodeLabel, normalizeAxisFor, normalizeIndex, unravel } from '../util/indexing';

/** The combine function for a Scatter* node's `reduction`, checked against the opset that introduced it. */
export function scatterReduction(ctx: KernelContext, dtype: Parameters<typeof reductionFor>[0]) {
  const reduction = ctx.attr<string>('reduction');
  const allowed = ['none', ...(ctx.opset >= 16 ? ['add', 'mul'] : []), ...(ctx.opset >= 18 ? ['max', 'min'] : [])];
  const fn = allowed.includes(reduction) ? reductionFor(dtype, reduction) : undefined;
  if (!fn) {
    throw new HoduError('E_UNSUPPORTED_ATTR', `${nodeLabel(ctx)}: reduction '${reduction}' is not supported for ${dtype} at opset ${ctx.opset}`, {
      hint: `supported: ${allowed.join(', ')}`,
    });
  }
  return fn;
}

export default defineKernel('ScatterElements', (inputs, ctx) => {
  const data = tensorInput(inputs, 0, ctx);
  const indices = tensorInput(inputs, 1, ctx);
  const updates = tensorInput(inputs, 2, ctx);
  const axis = normalizeAxisFor(ctx, ctx.attr<number>('axis'), data.rank);
  const combine = scatterReduction(ctx, data.dtype);
  if (updates.dims.join(',') !== indices.dims.join(',') || indices.rank !== data.rank) {
    throw new HoduError('E_SHAPE', `${nodeLabel(ctx)}: indices [${indices.dims.join(',')}] and updates [${updates.dims.join(',')}] must match and have the rank of data [${data.dims.join(',')}]`);
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
      if (coord[a]! >= data.dims[a]!) throw new HoduError('E_SHAPE', `${nodeLabel(ctx)}: indices [${indices.dims.join(',')}] exceed data [${data.dims.join(',')}]`);
      off += coord[a]! * strides[a]!;
    }
    o[off] = combine(o[off]!, u[k]!);
  }
  return [out];
});
