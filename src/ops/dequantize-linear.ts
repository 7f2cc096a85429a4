import { defineOp } from './schema';

// DequantizeLinear-10 (per tensor), 13 (per axis), 19 (float16/bfloat16 scales), 21 (`block_size`).
// Output dtype is the scale's.
export default defineOp({
  op: 'DequantizeLinear',
  sinceVersion: 10,
  versions: [10, 13, 19, 21], types: { T1: ['int8', 'int16', 'int32', 'uint8', 'uint16'], T2: ['float32', 'float16', 'bfloat16'] },
  inputs: [{ name: 'x', type: 'T1' }, { name: 'x_scale', type: 'T2' }, { name: 'x_zero_point', type: 'T1', optional: true }],
  outputs: [{ name: 'y', type: 'T2' }],
  attributes: {
    axis: { type: 'int', default: 1 },
    block_size: { type: 'int', default: 0 },
  },
  infer(ctx) {
    const [x, scale] = ctx.inputs;
    return [{ dtype: scale?.dtype ?? 'float32', shape: x?.shape?.slice() }];
  },
});
