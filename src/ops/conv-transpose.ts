import type { Dim } from '../ir/graph';
import { convAttributes, kernelShapeOf, readWindowAttrs, resolveTransposeWindow } from './_window-geometry';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// ConvTranspose-1 and -11 share semantics (11 clarified auto_pad / output_shape pads).
export default defineOp({
  op: 'ConvTranspose',
  sinceVersion: 1,
  versions: [1, 11], types: { T: FLOATS },
  inputs: [{ name: 'X', type: 'T' }, { name: 'W', type: 'T' }, { name: 'B', type: 'T', optional: true }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: {
    ...convAttributes,
    output_padding: { type: 'ints' },
    output_shape: { type: 'ints' },
  },
  infer(ctx) {
    const [x, w] = ctx.inputs;
    if (!x?.shape || !w?.shape) return [{ dtype: x?.dtype }];
    const kernel = kernelShapeOf(ctx.attr, w.shape);
    const mg = w.shape[1]!;
    if (kernel.some((k) => typeof k !== 'number')) return [{ dtype: x.dtype }];
    const win = resolveTransposeWindow(x.shape.slice(2), {
      ...readWindowAttrs(ctx.attr, kernel as number[]),
      outputPadding: ctx.attr<number[] | undefined>('output_padding'),
      outputShape: ctx.attr<number[] | undefined>('output_shape'),
    }, ctx.node);
    const m: Dim = typeof mg === 'number' ? mg * ctx.attr<number>('group') : '?';
    return [{ dtype: x.dtype, shape: [x.shape[0]!, m, ...win.out] }];
  },
});
