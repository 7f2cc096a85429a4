import { allocData } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { sizeOf, stridesOf, Tensor, toIntList } from '../../../ir/tensor';
import { unpooledDims } from '../../../ops/max-unpool';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { storeOf } from '../util/copy';
import { unravel } from '../util/indexing';

export default defineKernel('MaxUnpool', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const indices = tensorInput(inputs, 1, ctx);
  const given = optionalInput(inputs, 2);
  const kernel = ctx.attr<number[]>('kernel_shape');
  if (x.rank !== kernel.length + 2 || indices.dims.join(',') !== x.dims.join(',')) {
    throw nodeError(ctx.node, 'E_SHAPE', `X [${x.dims.join(',')}] must be [N, C, ${kernel.length} spatial dims] and I must have its shape, got I [${indices.dims.join(',')}]`);
  }
  // Indices address the default (inferred) output; an explicit output_shape pads it at the end of each
  // spatial dim, so each index is re-addressed by its coordinates (what the ONNX test data expects).
  const inferred = unpooledDims(x.dims, kernel, ctx.attr('pads'), ctx.attr('strides')) as number[];
  const dims = given ? toIntList(given) : inferred;
  if (dims.length !== x.rank || dims.some((d) => !(d >= 0))) {
    throw nodeError(ctx.node, 'E_SHAPE', `output shape [${dims.join(',')}] is invalid for X [${x.dims.join(',')}]`);
  }
  const total = sizeOf(dims);
  const out = allocData(x.dtype, total);
  const o = storeOf(out);
  const src = storeOf(x.data);
  const idx = toIntList(indices);
  const inferredTotal = sizeOf(inferred);
  const strides = stridesOf(dims);
  const coord = new Array<number>(dims.length).fill(0);
  for (let k = 0; k < idx.length; k++) {
    const flat = idx[k]!;
    let at = flat;
    if (given) {
      unravel(flat, inferred, coord);
      at = coord.every((c, a) => c < dims[a]!) && flat < inferredTotal ? coord.reduce((acc, c, a) => acc + c * strides[a]!, 0) : -1;
    }
    if (!(at >= 0 && at < total)) {
      throw nodeError(ctx.node, 'E_INPUT', `index ${flat} is outside the output [${dims.join(',')}]`);
    }
    o[at] = src[k]!;
  }
  return [new Tensor(x.dtype, dims, out)];
});
