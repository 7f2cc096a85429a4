import { constInts, unknownDims, vectorLength } from './_shape';
import { defineOp } from './registry';
import type { Tensor } from '../ir/tensor';

// ConstantOfShape-9/20/21: a tensor of the given shape filled with `value` (a 1-element tensor; default float32 0).
export default defineOp({
  op: 'ConstantOfShape',
  sinceVersion: 9,
  versions: [9, 20, 21], types: { T1: ['int64'], T2: ['float32', 'float64', 'float16', 'bfloat16', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'bool'] },
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
