import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { stridesOf, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { takeByIndex } from '../util/copy';
import { indexFromAxisTables } from '../util/indexing';

// Output coordinate i on axis a reads input coordinate i mod dims[a].
export default defineKernel('Tile', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  let repeats = toIntList(tensorInput(inputs, 1, ctx));
  if (ctx.opset < 6) {
    const axis = normalizeAxis(toIntList(tensorInput(inputs, 2, ctx))[0]!, x.rank, ctx.node);
    const tiles = repeats[0]!;
    repeats = x.dims.map((_, i) => (i === axis ? tiles : 1));
  }
  if (repeats.length !== x.rank || repeats.some((r) => r < 0)) {
    throw nodeError(ctx.node, 'E_INPUT', `repeats [${repeats.join(',')}] must have ${x.rank} non-negative values`);
  }
  const strides = stridesOf(x.dims);
  const outDims = x.dims.map((d, i) => d * repeats[i]!);
  const tables = outDims.map((d, a) => Int32Array.from({ length: d }, (_, i) => (i % x.dims[a]!) * strides[a]!));
  return [takeByIndex(x, outDims, indexFromAxisTables(outDims, tables))];
});
