import type { Dim } from '../ir/graph';
import { toIntList } from '../ir/tensor';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// MaxUnpool-9/11/22: scatters X into a zero tensor at the flat indices I (as produced by MaxPool).
// Default output dims: (in - 1) * stride + kernel - pad_begin - pad_end; `output_shape` (input 2) overrides.
export default defineOp({
  op: 'MaxUnpool',
  sinceVersion: 9,
  versions: [9, 11], types: { T1: FLOATS, T2: ['int64'] },
  inputs: [{ name: 'X', type: 'T1' }, { name: 'I', type: 'T2' }, { name: 'output_shape', type: 'T2', optional: true }],
  outputs: [{ name: 'output', type: 'T1' }],
  attributes: { kernel_shape: { type: 'ints', required: true }, pads: { type: 'ints' }, strides: { type: 'ints' } },
  infer: (ctx) => {
    const x = ctx.inputs[0];
    const given = ctx.inputs[2];
    if (given) return [{ dtype: x?.dtype, shape: given.value ? toIntList(given.value) : undefined }];
    if (!x?.shape) return [{ dtype: x?.dtype }];
    const shape = unpooledDims(x.shape, ctx.attr<number[]>('kernel_shape'), ctx.attr<number[] | undefined>('pads'), ctx.attr<number[] | undefined>('strides'));
    return [{ dtype: x.dtype, shape }];
  },
});

/** [N, C, (in - 1) * stride + kernel - pads...] ('?' where an input dim is symbolic). */
export function unpooledDims(dims: readonly Dim[], kernel: number[], pads: number[] | undefined, strides: number[] | undefined): Dim[] {
  const k = kernel.length;
  return dims.map((d, a) => {
    if (a < 2) return d;
    const i = a - 2;
    if (typeof d !== 'number') return '?';
    return (d - 1) * (strides?.[i] ?? 1) + kernel[i]! - (pads?.[i] ?? 0) - (pads?.[i + k] ?? 0);
  });
}
