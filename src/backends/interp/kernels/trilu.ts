import { allocData } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { storeOf } from '../util/copy';

export default defineKernel('Trilu', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  if (x.rank < 2) throw nodeError(ctx.node, 'E_SHAPE', `input must have rank >= 2, got [${x.dims.join(',')}]`);
  const kT = optionalInput(inputs, 1);
  const k = kT ? toIntList(kT)[0]! : 0;
  const upper = ctx.attr<number>('upper') !== 0;
  const rows = x.dims[x.rank - 2]!;
  const cols = x.dims[x.rank - 1]!;
  const out = allocData(x.dtype, x.size); // zeros ('' for strings) where the triangle is cut
  const o = storeOf(out);
  const s = storeOf(x.data);
  for (let base = 0; base < x.size; base += rows * cols) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (upper ? j - i >= k : j - i <= k) o[base + i * cols + j] = s[base + i * cols + j]!;
      }
    }
  }
  return [new Tensor(x.dtype, x.dims, out)];
});
