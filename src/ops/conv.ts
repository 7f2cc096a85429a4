import type { Dim } from '../ir/graph';
import { resolveWindow } from './_conv';
import { defineOp } from './registry';

// Conv-1 and Conv-11 share semantics (11 only relaxed kernel_shape inference); dtypes are float types.
export default defineOp({
  op: 'Conv',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'X' }, { name: 'W' }, { name: 'B', optional: true }],
  outputs: [{ name: 'Y' }],
  attributes: {
    auto_pad: { type: 'string', default: 'NOTSET' },
    dilations: { type: 'ints' },
    group: { type: 'int', default: 1 },
    kernel_shape: { type: 'ints' },
    pads: { type: 'ints' },
    strides: { type: 'ints' },
  },
  infer(ctx) {
    const [x, w] = ctx.inputs;
    if (!x?.shape || !w?.shape) return [{ dtype: x?.dtype }];
    const kernel = ctx.attr<number[] | undefined>('kernel_shape') ?? w.shape.slice(2);
    if (kernel.some((k) => typeof k !== 'number')) return [{ dtype: x.dtype }];
    const win = resolveWindow(x.shape.slice(2), {
      autoPad: ctx.attr<string>('auto_pad'),
      kernel: kernel as number[],
      strides: ctx.attr<number[] | undefined>('strides'),
      dilations: ctx.attr<number[] | undefined>('dilations'),
      pads: ctx.attr<number[] | undefined>('pads'),
    }, `Conv node '${ctx.node.name}'`);
    const shape: Dim[] = [x.shape[0]!, w.shape[0]!, ...win.out];
    return [{ dtype: x.dtype, shape }];
  },
});
