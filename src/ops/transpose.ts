import { shapeError } from './_dim-inference';
import { defineOp } from './schema';
import { ALL } from './_types';

/** The permutation of a Transpose node: its `perm`, or (ONNX's default when absent) the axes reversed. */
export function transposePerm(perm: readonly number[] | undefined, rank: number): number[] {
  return perm ? [...perm] : Array.from({ length: rank }, (_, i) => rank - 1 - i);
}

// Transpose-1/13: perm defaults to reversing the axes.
export default defineOp({
  op: 'Transpose',
  sinceVersion: 1,
  versions: [1, 13, 21], types: { T: ALL },
  inputs: [{ name: 'data', type: 'T' }],
  outputs: [{ name: 'transposed', type: 'T' }],
  attributes: { perm: { type: 'ints' } },
  infer(ctx) {
    const x = ctx.inputs[0];
    const perm = ctx.attr<number[] | undefined>('perm');
    if (!x?.shape) return [{ dtype: x?.dtype, shape: perm ? perm.map(() => '?') : undefined }];
    const rank = x.shape.length;
    const p = transposePerm(perm, rank);
    if (p.length !== rank || [...p].sort((a, b) => a - b).some((v, i) => v !== i)) {
      throw shapeError(ctx, `perm [${p.join(',')}] is not a permutation of 0..${rank - 1}`);
    }
    return [{ dtype: x.dtype, shape: p.map((a) => x.shape![a]!) }];
  },
});
