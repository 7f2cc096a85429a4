import type { Dim } from '../ir/graph';
import { defineOp } from './schema';
import { FLOATS_BF16, INDEX } from './_types';

// DFT-17 (axis attribute, default 1) and DFT-20 (axis as input 2, default -2, counted over the full rank).
// Input [..., n, 1 (real) or 2 (complex)] → output [..., dft_length or dft_length/2+1 (onesided), ..., 2].
export default defineOp({
  op: 'DFT',
  sinceVersion: 17,
  versions: [17, 20], types: { T1: FLOATS_BF16, T2: INDEX },
  inputs: [{ name: 'input', type: 'T1' }, { name: 'dft_length', type: 'T2', optional: true }, { name: 'axis', type: 'int64', optional: true }],
  outputs: [{ name: 'output', type: 'T1' }],
  attributes: {
    axis: { type: 'int', default: 1 },
    inverse: { type: 'int', default: 0 },
    onesided: { type: 'int', default: 0 },
  },
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype }];
    const rank = x.shape.length;
    const axisIn = ctx.inputs[2]?.value;
    let axis = ctx.opset >= 20 ? (axisIn ? Number(axisIn.data[0]) : -2) : ctx.attr<number>('axis');
    if (axis < 0) axis += rank;
    if (ctx.opset >= 20 && ctx.inputs[2] && !axisIn) return [{ dtype: x.dtype }];
    const lenIn = ctx.inputs[1];
    if (lenIn && !lenIn.value) return [{ dtype: x.dtype }];
    const n: Dim = lenIn?.value ? Number(lenIn.value.data[0]) : x.shape[axis]!;
    const shape = x.shape.slice();
    shape[axis] = ctx.attr<number>('onesided') && typeof n === 'number' ? Math.floor(n / 2) + 1 : ctx.attr<number>('onesided') ? '?' : n;
    shape[rank - 1] = 2;
    return [{ dtype: x.dtype, shape }];
  },
});
