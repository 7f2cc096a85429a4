import { normalizeAxis } from '../../../ir/axis';
import { allocData } from '../../../ir/dtype';
import { int64Tensor, Tensor, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { copyRange, storeOf } from '../util/copy';

type Key = number | bigint | string;

/** Ascending, NaN last (numpy's order); bigints and strings by their natural order. */
function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
    if (Number.isNaN(b)) return -1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export default defineKernel('Unique', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const axisAttr = ctx.attr<number | undefined>('axis');
  // View X as (outer, count, inner): the unique things are the `count` slices of outer*inner elements.
  const axis = axisAttr === undefined ? -1 : normalizeAxis(axisAttr, x.rank, ctx.node);
  const count = axis < 0 ? x.size : x.dims[axis]!;
  let outer = 1;
  let inner = 1;
  if (axis >= 0) {
    for (let a = 0; a < axis; a++) outer *= x.dims[a]!;
    for (let a = axis + 1; a < x.rank; a++) inner *= x.dims[a]!;
  }
  // Compare decoded values (float16 bits do not order like the numbers they encode); output copies storage.
  const values: ArrayLike<Key> = x.dtype === 'string' || x.dtype === 'int64' || x.dtype === 'uint64' ? storeOf(x.data) as ArrayLike<Key> : toNumbers(x);
  const sliceKey = (s: number): Key[] => {
    const k: Key[] = [];
    for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) k.push(values[(o * count + s) * inner + i]!);
    return k;
  };
  const keys = Array.from({ length: count }, (_, s) => sliceKey(s));
  // Group equal slices (String merges -0 with 0 and NaN with NaN, as numpy.unique does).
  const firstOf = new Map<string, number>();
  const groupOf = new Int32Array(count);
  const firsts: number[] = [];
  const counts: number[] = [];
  for (let s = 0; s < count; s++) {
    const id = x.dtype === 'string' ? JSON.stringify(keys[s]) : keys[s]!.map(String).join(',');
    let g = firstOf.get(id);
    if (g === undefined) {
      g = firsts.length;
      firstOf.set(id, g);
      firsts.push(s);
      counts.push(0);
    }
    groupOf[s] = g;
    counts[g]!++;
  }
  const order = firsts.map((_, g) => g);
  if (ctx.attr<number>('sorted')) {
    order.sort((ga, gb) => {
      const a = keys[firsts[ga]!]!;
      const b = keys[firsts[gb]!]!;
      for (let i = 0; i < a.length; i++) {
        const c = compareKeys(a[i]!, b[i]!);
        if (c) return c;
      }
      return 0;
    });
  }
  const rank = new Int32Array(order.length);
  order.forEach((g, r) => (rank[g] = r));
  const u = order.length;
  const out = allocData(x.dtype, outer * u * inner);
  order.forEach((g, r) => {
    for (let o = 0; o < outer; o++) copyRange(x.data, (o * count + firsts[g]!) * inner, out, (o * u + r) * inner, inner);
  });
  const yDims = axis < 0 ? [u] : x.dims.map((d, a) => (a === axis ? u : d));
  return [
    new Tensor(x.dtype, yDims, out),
    int64Tensor(order.map((g) => firsts[g]!)),
    int64Tensor(Array.from(groupOf, (g) => rank[g]!)),
    int64Tensor(order.map((g) => counts[g]!)),
  ];
});
