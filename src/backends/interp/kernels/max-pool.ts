import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { checkPoolInput, columnMajorOffset, planPool } from '../util/pool';

// Y = max over each window (padding never wins); Indices = flat index of the first maximum into X,
// row-major, or column-major over the spatial dims when storage_order = 1.
export default defineKernel('MaxPool', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  checkPoolInput(x, ctx.node);
  const { spatial, starts, offsets, planes, inSize, outSize, yDims } = planPool(x, ctx);
  const xv = toNumbers(x);
  const y = new Float64Array(planes * outSize);
  const wantIndices = ctx.node.outputs.length > 1 && ctx.node.outputs[1] !== '';
  const idx = wantIndices ? new Float64Array(planes * outSize) : undefined;
  const colMajor = ctx.attr<number>('storage_order') === 1;
  for (let p = 0; p < planes; p++) {
    const base = p * inSize;
    for (let o = 0; o < outSize; o++) {
      let best = -Infinity;
      let at = -1;
      for (let j = starts[o]!; j < starts[o + 1]!; j++) {
        const v = xv[base + offsets[j]!]!;
        if (v > best || at < 0) {
          best = v;
          at = offsets[j]!;
        }
      }
      y[p * outSize + o] = best;
      if (idx) idx[p * outSize + o] = at < 0 ? -1 : base + (colMajor ? columnMajorOffset(at, spatial) : at);
    }
  }
  const out = [fromNumbers(x.dtype, yDims, y)];
  if (idx) out.push(fromNumbers('int64', yDims, idx));
  return out;
});
