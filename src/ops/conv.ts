import type { Dim } from '../ir/graph';
import { convAttributes, kernelShapeOf, readWindowAttrs, resolveWindow } from './_window-geometry';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// Conv-1 and Conv-11 share semantics (11 only relaxed kernel_shape inference); dtypes are float types.
export default defineOp({
  op: 'Conv',
  sinceVersion: 1,
  versions: [1, 11], types: { T: FLOATS },
  inputs: [{ name: 'X', type: 'T' }, { name: 'W', type: 'T' }, { name: 'B', type: 'T', optional: true }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: convAttributes,
  infer(ctx) {
    const [x, w] = ctx.inputs;
    if (!x?.shape || !w?.shape) return [{ dtype: x?.dtype }];
    const kernel = kernelShapeOf(ctx.attr, w.shape);
    if (kernel.some((k) => typeof k !== 'number')) return [{ dtype: x.dtype }];
    const win = resolveWindow(x.shape.slice(2), readWindowAttrs(ctx.attr, kernel as number[]), ctx.node);
    const shape: Dim[] = [x.shape[0]!, w.shape[0]!, ...win.out];
    return [{ dtype: x.dtype, shape }];
  },
});
