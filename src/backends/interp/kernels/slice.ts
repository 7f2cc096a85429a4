import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { stridesOf, toIntList } from '../../../ir/tensor';
import { sliceRange } from '../../../ops/slice';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { takeByIndex } from '../util/copy';
import { indexFromAxisTables } from '../util/indexing';

// Strided slicing: output coordinate i on axis a reads input coordinate start[a] + i*step[a].
export default defineKernel('Slice', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const old = ctx.opset < 10;
  const list = (i: number, name: string) => {
    if (old) return ctx.attr<number[] | undefined>(name);
    const t = optionalInput(inputs, i);
    return t ? toIntList(t) : undefined;
  };
  const starts = list(1, 'starts');
  const ends = list(2, 'ends');
  if (!starts || !ends) throw nodeError(ctx.node, 'E_INPUT', 'starts and ends are required', 'the model is malformed');
  const axes = (list(3, 'axes') ?? starts.map((_, i) => i)).map((a) => normalizeAxis(a, x.rank, ctx.node, 'axes value'));
  const steps = old ? undefined : list(4, 'steps');
  if (ends.length !== starts.length || axes.length !== starts.length || (steps && steps.length !== starts.length)) {
    throw nodeError(ctx.node, 'E_INPUT', `starts, ends, axes and steps must have the same length (${starts.length}, ${ends.length}, ${axes.length}, ${steps?.length ?? '-'})`);
  }
  if (new Set(axes).size !== axes.length) throw nodeError(ctx.node, 'E_INPUT', `repeated axes [${axes.join(',')}]`);
  const begin = x.dims.map(() => 0);
  const step = x.dims.map(() => 1);
  const outDims = x.dims.slice();
  axes.forEach((a, i) => {
    const s = steps?.[i] ?? 1;
    if (s === 0) throw nodeError(ctx.node, 'E_INPUT', 'steps cannot be 0');
    const r = sliceRange(starts[i]!, ends[i]!, s, x.dims[a]!);
    begin[a] = r.start;
    step[a] = s;
    outDims[a] = r.count;
  });
  const strides = stridesOf(x.dims);
  const tables = outDims.map((d, a) => Int32Array.from({ length: d }, (_, i) => (begin[a]! + i * step[a]!) * strides[a]!));
  return [takeByIndex(x, outDims, indexFromAxisTables(outDims, tables))];
});
