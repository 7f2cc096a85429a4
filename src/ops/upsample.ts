import type { Dim } from '../ir/graph';
import { toNumbers } from '../ir/tensor';
import { defineOp } from './schema';
import { NUMERIC_BOOL_BUT_BF16 } from './_types';

// Upsample-7: `scales` attribute; -9: `scales` input; deprecated by Resize-10 (same asymmetric semantics).
export default defineOp({
  op: 'Upsample',
  sinceVersion: 7,
  untilVersion: 10,
  versions: [7, 9, 10], types: { T: NUMERIC_BOOL_BUT_BF16 },
  inputs: [{ name: 'X', type: 'T' }, { name: 'scales', type: 'float32', optional: true }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: { mode: { type: 'string', default: 'nearest' }, scales: { type: 'floats' } },
  infer(ctx) {
    const x = ctx.inputs[0];
    const scales = ctx.opset < 9 ? ctx.attr<number[] | undefined>('scales') : ctx.inputs[1]?.value && Array.from(toNumbers(ctx.inputs[1].value));
    if (!x?.shape || !scales || scales.length !== x.shape.length) return [{ dtype: x?.dtype }];
    const shape: Dim[] = x.shape.map((d, i) => (typeof d === 'number' ? Math.floor(d * scales[i]!) : '?'));
    return [{ dtype: x.dtype, shape }];
  },
});
