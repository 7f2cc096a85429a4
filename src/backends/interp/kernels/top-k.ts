import { normalizeAxis } from '../../../ir/axis';
import { allocData, isBigDType, type BigArray } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { Tensor, toIntList, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput } from '../kernel';
import { numericInput } from '../util/unary';

// The k largest (or smallest) elements along `axis` with their int64 indices. Equal values keep the lower
// index first; NaN counts as larger than every number (as numpy sorts it). The output is always sorted,
// which is one valid answer for sorted=0 too.
export default defineKernel('TopK', (inputs, ctx) => {
  const x = numericInput(inputs, 0, ctx);
  const kIn = optionalInput(inputs, 1);
  const k = ctx.opset < 10 || !kIn ? ctx.attr<number | undefined>('k') : toIntList(kIn)[0];
  const given = ctx.attr<number>('axis');
  const axis = normalizeAxis(given, x.rank, ctx.node);
  const n = x.dims[axis]!;
  if (k === undefined || k < 0 || k > n) {
    throw nodeError(ctx.node, 'E_INPUT', `k=${k} must be between 0 and the axis size ${n}`);
  }
  const largest = ctx.opset < 11 || ctx.attr<number>('largest') !== 0;
  const inner = x.dims.slice(axis + 1).reduce((a, b) => a * b, 1);
  const outer = n === 0 ? 0 : x.size / (n * inner);
  const big = isBigDType(x.dtype);
  const v: ArrayLike<number | bigint> = big ? (x.data as BigArray) : toNumbers(x);
  const src = x.data as ArrayLike<unknown>;
  const dims = x.dims.map((d, i) => (i === axis ? k : d));
  const values = allocData(x.dtype, outer * k * inner) as unknown as unknown[];
  const indices = new BigInt64Array(outer * k * inner);
  const order = Array.from({ length: n }, (_, i) => i);
  const rank = (a: number | bigint) => (typeof a === 'number' && Number.isNaN(a) ? Infinity : a);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      for (let j = 0; j < n; j++) order[j] = j;
      order.sort((p, q) => {
        const a = rank(v[base + p * inner]!);
        const b = rank(v[base + q * inner]!);
        if (a === b) return p - q;
        return (a > b) === largest ? -1 : 1;
      });
      for (let j = 0; j < k; j++) {
        const at = (o * k + j) * inner + i;
        values[at] = src[base + order[j]! * inner];
        indices[at] = BigInt(order[j]!);
      }
    }
  }
  return [new Tensor(x.dtype, dims, values as unknown as typeof x.data), new Tensor('int64', dims, indices)];
});
