import { defineOp } from './schema';
import { HIGH_PRECISION } from './_types';

// Gemm-1/6: C required, legacy `broadcast` attr; Gemm-7: unidirectional broadcast always; Gemm-11: C optional.
export default defineOp({
  op: 'Gemm',
  sinceVersion: 1,
  versions: [1, 6, 7, 9, 11, 13], types: { T: HIGH_PRECISION },
  inputs: [{ name: 'A', type: 'T' }, { name: 'B', type: 'T' }, { name: 'C', type: 'T', optional: true }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: {
    alpha: { type: 'float', default: 1 },
    beta: { type: 'float', default: 1 },
    transA: { type: 'int', default: 0 },
    transB: { type: 'int', default: 0 },
    broadcast: { type: 'int', default: 0 },
  },
  infer(ctx) {
    const [a, b] = ctx.inputs;
    if (!a?.shape || !b?.shape || a.shape.length !== 2 || b.shape.length !== 2) return [{ dtype: a?.dtype }];
    const m = ctx.attr<number>('transA') ? a.shape[1]! : a.shape[0]!;
    const n = ctx.attr<number>('transB') ? b.shape[0]! : b.shape[1]!;
    return [{ dtype: a.dtype, shape: [m, n] }];
  },
});
