import { Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { storeOf } from '../util/copy';
import { unravel } from '../util/indexing';

// Non-zero per storage: float16/bfloat16 bits with only the sign set are -0 (zero); strings: non-empty.
export default defineKernel('NonZero', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const s = storeOf(x.data);
  const half = x.dtype === 'float16' || x.dtype === 'bfloat16';
  const hits: number[] = [];
  for (let i = 0; i < x.size; i++) {
    const v = s[i]!;
    if (half ? ((v as number) & 0x7fff) !== 0 : typeof v === 'string' ? v !== '' : typeof v === 'bigint' ? v !== 0n : v !== 0) hits.push(i);
  }
  // A scalar behaves as a rank-1 tensor of one element (as numpy.nonzero does for 0-d since 1.17: shape [1, n]).
  const dims = x.rank === 0 ? [1] : x.dims;
  const out = new BigInt64Array(dims.length * hits.length);
  const coord = new Array<number>(dims.length).fill(0);
  hits.forEach((flat, k) => {
    unravel(flat, dims, coord);
    for (let a = 0; a < dims.length; a++) out[a * hits.length + k] = BigInt(coord[a]!);
  });
  return [new Tensor('int64', [dims.length, hits.length], out)];
});
