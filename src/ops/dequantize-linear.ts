import { defineOp } from './registry';

// DequantizeLinear-10 (per tensor), 13 (per axis), 19 (float16/bfloat16 scales), 21 (`block_size`).
// Output dtype is the scale's.
export default defineOp({
  op: 'DequantizeLinear',
  sinceVersion: 10,
  untilVersion: 21,
  inputs: [{ name: 'x' }, { name: 'x_scale' }, { name: 'x_zero_point', optional: true }],
  outputs: [{ name: 'y' }],
  attributes: {
    axis: { type: 'int', default: 1 },
    block_size: { type: 'int', default: 0 },
  },
  infer(ctx) {
    const [x, scale] = ctx.inputs;
    return [{ dtype: scale?.dtype ?? 'float32', shape: x?.shape?.slice() }];
  },
});
