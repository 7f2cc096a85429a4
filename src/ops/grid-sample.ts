import type { Dim } from '../ir/graph';
import { defineOp } from './schema';
import { FLOATS, NUMERIC_BOOL_BUT_BF16 } from './_types';

// GridSample-16 (4-D; modes bilinear/nearest/bicubic). GridSample-20 renamed them linear/cubic (accepted too)
// and generalized to N-D, which hodu does not implement yet (the kernel refuses rank != 4).
export default defineOp({
  op: 'GridSample',
  sinceVersion: 16,
  versions: [16, 20], types: { T1: NUMERIC_BOOL_BUT_BF16, T2: FLOATS },
  inputs: [{ name: 'X', type: 'T1' }, { name: 'grid', type: 'T2' }],
  outputs: [{ name: 'Y', type: 'T1' }],
  attributes: {
    align_corners: { type: 'int', default: 0 },
    mode: { type: 'string', default: 'bilinear' },
    padding_mode: { type: 'string', default: 'zeros' },
  },
  infer(ctx) {
    const [x, grid] = ctx.inputs;
    if (!x?.shape || !grid?.shape) return [{ dtype: x?.dtype }];
    const shape: Dim[] = [x.shape[0]!, x.shape[1]!, ...grid.shape.slice(1, -1)];
    return [{ dtype: x.dtype, shape }];
  },
});
