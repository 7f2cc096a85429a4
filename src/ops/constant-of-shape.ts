import { constInts, unknownDims, vectorLength } from './_shape';
import { defineOp } from './registry';
import type { Tensor } from '../ir/tensor';

// ConstantOfShape-9/20/21: a tensor of the given shape filled with `value` (a 1-element tensor; default float32 0).
export default defineOp({
  op: 'ConstantOfShape',
  sinceVersion: 9,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { value: { type: 'tensor' } },
  infer(ctx) {
    const dtype = ctx.attr<Tensor | undefined>('value')?.dtype ?? 'float32';
    const dims = constInts(ctx.inputs[0]);
    if (dims) return [{ dtype, shape: dims }];
    const n = vectorLength(ctx.inputs[0]);
    return [{ dtype, shape: n === undefined ? undefined : unknownDims(n) }];
  },
});
