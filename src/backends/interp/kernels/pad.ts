import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { fromNumbers, stridesOf, toIntList } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { firstElement, takeByIndex } from '../util/copy';
import { indexFromAxisTables } from '../util/indexing';

/** The source coordinate for padded coordinate `src` (may be outside [0, dim)), or -1 for the fill value. */
function sourceCoord(src: number, dim: number, mode: string): number {
  if (src >= 0 && src < dim) return src;
  if (dim === 0) return -1;
  switch (mode) {
    case 'edge':
      return src < 0 ? 0 : dim - 1;
    case 'wrap':
      return ((src % dim) + dim) % dim;
    case 'reflect': {
      // numpy 'reflect': mirror without repeating the edge, periodic with period 2*(dim-1).
      if (dim === 1) return 0;
      const period = 2 * (dim - 1);
      const m = ((src % period) + period) % period;
      return m < dim ? m : period - m;
    }
    default:
      return -1;
  }
}

export default defineKernel('Pad', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const mode = ctx.attr<string>('mode');
  if (!['constant', 'reflect', 'edge', ...(ctx.opset >= 19 ? ['wrap'] : [])].includes(mode)) {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unsupported mode '${mode}'`, "modes are 'constant', 'reflect', 'edge' and (opset 19) 'wrap'");
  }
  let pads: number[] | undefined;
  let fill: number | bigint | string | undefined;
  if (ctx.opset < 11) {
    pads = ctx.attr<number[] | undefined>(ctx.opset < 2 ? 'paddings' : 'pads');
    fill = firstElement(fromNumbers(x.dtype, [1], [ctx.attr<number>('value')]));
  } else {
    pads = toIntList(tensorInput(inputs, 1, ctx));
    const cv = optionalInput(inputs, 2);
    if (cv) fill = firstElement(cv);
  }
  if (!pads) throw nodeError(ctx.node, 'E_ATTR', 'missing pads', 'the model is malformed');
  const axesInput = ctx.opset >= 18 ? optionalInput(inputs, 3) : undefined;
  const axes = axesInput ? toIntList(axesInput).map((a) => normalizeAxis(a, x.rank, ctx.node, 'axes value')) : x.dims.map((_, i) => i);
  if (pads.length !== 2 * axes.length) {
    throw nodeError(ctx.node, 'E_INPUT', `pads has ${pads.length} values, expected ${2 * axes.length} for input [${x.dims.join(',')}]`);
  }
  const begin = x.dims.map(() => 0);
  const outDims = x.dims.slice();
  axes.forEach((a, i) => {
    begin[a] = pads![i]!;
    outDims[a] = x.dims[a]! + pads![i]! + pads![i + axes.length]!;
    if (outDims[a]! < 0) throw nodeError(ctx.node, 'E_INPUT', `pads [${pads!.join(',')}] crop axis ${a} below zero`);
  });
  if (mode !== 'constant' && x.size === 0 && outDims.some((d, a) => d > x.dims[a]!)) {
    throw nodeError(ctx.node, 'E_INPUT', `mode '${mode}' cannot pad an empty input`);
  }
  const strides = stridesOf(x.dims);
  const tables = outDims.map((d, a) =>
    Int32Array.from({ length: d }, (_, i) => {
      const s = sourceCoord(i - begin[a]!, x.dims[a]!, mode);
      return s < 0 ? -1 : s * strides[a]!;
    }),
  );
  return [takeByIndex(x, outDims, indexFromAxisTables(outDims, tables), fill)];
});
