import { constInts, unknownDims, vectorLength } from './_dim-inference';
import { defineOp } from './schema';
import type { Tensor } from '../ir/tensor';
import { NUMERIC_BOOL } from './_types';

// ConstantOfShape-9/20/21: a tensor of the given shape filled with `value` (a 1-element tensor; default float32 0).
export default defineOp({
  op: 'ConstantOfShape',
  sinceVersion: 9,
  versions: [9, 20, 21], types: { T1: ['int64'], T2: NUMERIC_BOOL },
  inputs: [{ name: 'input', type: 'T1' }],
  outputs: [{ name: 'output', type: 'T2' }],
  attributes: { value: { type: 'tensor' } },
  infer(ctx) {
    const dtype = ctx.attr<Tensor | undefined>('value')?.dtype ?? 'float32';
    const dims = constInts(ctx.inputs[0]);
    if (dims) return [{ dtype, shape: dims }];
    const n = vectorLength(ctx.inputs[0]);
    return [{ dtype, shape: n === undefined ? undefined : unknownDims(n) }];
  },
});
