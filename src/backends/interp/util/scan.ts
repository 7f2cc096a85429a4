import { HoduError } from '../../../errors';
import { allocData } from '../../../ir/dtype';
import { Tensor } from '../../../ir/tensor';
import { copyRange } from './copy';

/** Element `index` of `t` along `axis`, with that axis removed (a scan input slice). */
export function takeAlong(t: Tensor, axis: number, index: number): Tensor {
  const len = t.dims[axis]!;
  let outer = 1;
  for (let a = 0; a < axis; a++) outer *= t.dims[a]!;
  let inner = 1;
  for (let a = axis + 1; a < t.rank; a++) inner *= t.dims[a]!;
  const out = allocData(t.dtype, outer * inner);
  for (let o = 0; o < outer; o++) copyRange(t.data, (o * len + index) * inner, out, o * inner, inner);
  return new Tensor(t.dtype, t.dims.filter((_, a) => a !== axis), out);
}

/**
 * Stacks same-shaped tensors along a new axis `axis` (0..rank). `length` may exceed parts.length: the missing
 * trailing entries are zero (Scan-8 pads the outputs of a batch entry whose sequence is shorter).
 */
export function stackAlong(parts: readonly Tensor[], axis: number, length: number, what: () => string): Tensor {
  const first = parts[0]!;
  let outer = 1;
  for (let a = 0; a < axis; a++) outer *= first.dims[a]!;
  const inner = outer === 0 ? 0 : first.size / outer;
  const out = allocData(first.dtype, first.size * length);
  parts.forEach((p, i) => {
    if (p.dtype !== first.dtype || p.dims.join(',') !== first.dims.join(',')) {
      throw new HoduError('E_SHAPE', `${what()}: iteration ${i} produced ${p.dtype}[${p.dims.join(',')}], iteration 0 ${first.dtype}[${first.dims.join(',')}]`, {
        hint: 'scan outputs must keep one shape across iterations',
      });
    }
    for (let o = 0; o < outer; o++) copyRange(p.data, o * inner, out, (o * length + i) * inner, inner);
  });
  const dims = first.dims.slice();
  dims.splice(axis, 0, length);
  return new Tensor(first.dtype, dims, out);
}
