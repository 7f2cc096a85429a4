import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { sizeOf, toNumbers, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { filledTensor, storeOf } from '../util/copy';

// out[..., i at axis, ...] = on where indices[...] (negative counts from depth) == i, else off.
export default defineKernel('OneHot', (inputs, ctx) => {
  const indices = tensorInput(inputs, 0, ctx);
  const depthT = tensorInput(inputs, 1, ctx);
  const values = tensorInput(inputs, 2, ctx);
  if (depthT.size !== 1 || values.size !== 2) {
    throw nodeError(ctx.node, 'E_INPUT', `depth must be a scalar and values hold [off, on]; got ${depthT.size} and ${values.size} elements`);
  }
  const depth = Math.trunc(toNumbers(depthT)[0]!);
  if (!(depth >= 1)) throw nodeError(ctx.node, 'E_INPUT', `depth must be positive, got ${depth}`);
  const axis = normalizeAxis(ctx.attr<number>('axis'), indices.rank + 1, ctx.node);
  const [off, on] = [storeOf(values.data)[0]!, storeOf(values.data)[1]!];
  const outDims = indices.dims.slice();
  outDims.splice(axis, 0, depth);
  const out = filledTensor(values, outDims, off);
  const o = storeOf(out.data);
  const outer = sizeOf(indices.dims.slice(0, axis));
  const inner = sizeOf(indices.dims.slice(axis));
  const idx = indices.dtype === 'int64' || indices.dtype === 'int32' ? toIntList(indices) : Array.from(toNumbers(indices), Math.trunc);
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      let i = idx[a * inner + b]!;
      if (i < 0) i += depth;
      // Out-of-range indices leave an all-off row (ONNX: "will result in one-hot representation with all 'off_value'").
      if (i >= 0 && i < depth) o[(a * depth + i) * inner + b] = on;
    }
  }
  return [out];
});
