import { normalizeAxis } from '../../../ir/axis';
import { allocData } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { sizeOf, Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { reductionFor, storeOf } from '../util/copy';

export default defineKernel('CumSum', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const axisT = tensorInput(inputs, 1, ctx);
  if (axisT.size !== 1) throw nodeError(ctx.node, 'E_INPUT', `axis must be a scalar, got shape [${axisT.dims.join(',')}]`);
  const add = reductionFor(x.dtype, 'add');
  if (!add || x.dtype === 'bool') throw nodeError(ctx.node, 'E_DTYPE', `CumSum needs a numeric input, got ${x.dtype}`);
  const axis = normalizeAxis(toIntList(axisT)[0]!, x.rank, ctx.node);
  const exclusive = ctx.attr<number>('exclusive') !== 0;
  const reverse = ctx.attr<number>('reverse') !== 0;
  const len = x.dims[axis]!;
  const outer = sizeOf(x.dims.slice(0, axis));
  const inner = sizeOf(x.dims.slice(axis + 1));
  const out = allocData(x.dtype, x.size);
  const o = storeOf(out);
  const s = storeOf(x.data);
  const zero = o[0]; // fresh storage holds the dtype's zero
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      let acc = zero ?? 0;
      for (let step = 0; step < len; step++) {
        const i = reverse ? len - 1 - step : step;
        const at = (a * len + i) * inner + b;
        if (exclusive) {
          o[at] = acc;
          acc = add(acc, s[at]!);
        } else {
          acc = add(acc, s[at]!);
          o[at] = acc;
        }
      }
    }
  }
  return [new Tensor(x.dtype, x.dims, out)];
});
