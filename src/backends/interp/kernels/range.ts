import { isBigDType } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { fromNumbers, Tensor, toBigInts, toNumbers } from '../../../ir/tensor';
import { rangeCount } from '../../../ops/range';
import { defineKernel, tensorInput } from '../kernel';

export default defineKernel('Range', (inputs, ctx) => {
  const [start, limit, delta] = [0, 1, 2].map((i) => tensorInput(inputs, i, ctx));
  for (const t of [start!, limit!, delta!]) {
    if (t.size !== 1) throw nodeError(ctx.node, 'E_INPUT', `start, limit and delta must be scalars, got shape [${t.dims.join(',')}]`);
  }
  const dtype = start!.dtype;
  if (isBigDType(dtype)) {
    // Exact 64-bit arithmetic: ceil((l - s) / d) with bigint division (truncates toward zero).
    const [s, l, d] = [start!, limit!, delta!].map((t) => toBigInts(t)[0]!);
    if (d === 0n) throw nodeError(ctx.node, 'E_INPUT', 'delta cannot be 0');
    const span = l! - s!;
    let n = span / d!;
    if (n * d! !== span && span > 0n === d! > 0n) n += 1n;
    const count = n > 0n ? Number(n) : 0;
    const data = dtype === 'int64' ? new BigInt64Array(count) : new BigUint64Array(count);
    for (let i = 0; i < count; i++) data[i] = s! + BigInt(i) * d!;
    return [new Tensor(dtype, [count], data)];
  }
  const [s, l, d] = [start!, limit!, delta!].map((t) => toNumbers(t)[0]!);
  if (d === 0) throw nodeError(ctx.node, 'E_INPUT', 'delta cannot be 0');
  const count = rangeCount(s!, l!, d!);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = s! + i * d!;
  return [fromNumbers(dtype, [count], values)];
});
