import type { DType } from '../ir/dtype';
import { dtypeFromOnnx } from '../ir/dtype-codes';
import { nodeLabel } from '../ir/node-label';
import { defineOp } from './schema';

// QuantizeLinear-10 (per tensor), 13 (per axis: `axis`), 19 (float16/bfloat16 inputs; `saturate` only concerns
// float8 outputs, which hodu cannot hold), 21 (`block_size`, `output_dtype`, 16-bit outputs).
export default defineOp({
  op: 'QuantizeLinear',
  sinceVersion: 10,
  versions: [10, 13, 19, 21], types: { T1: ['float32', 'float16', 'bfloat16', 'int32'], T2: ['int8', 'int16', 'uint8', 'uint16'] },
  inputs: [{ name: 'x', type: 'T1' }, { name: 'y_scale', type: 'T1' }, { name: 'y_zero_point', type: 'T2', optional: true }],
  outputs: [{ name: 'y', type: 'T2' }],
  attributes: {
    axis: { type: 'int', default: 1 },
    saturate: { type: 'int', default: 1 },
    block_size: { type: 'int', default: 0 },
    output_dtype: { type: 'int', default: 0 },
  },
  infer(ctx) {
    const [x, , zp] = ctx.inputs;
    const code = ctx.attr<number>('output_dtype');
    const dtype: DType = zp?.dtype ?? (code ? dtypeFromOnnx(code, nodeLabel(ctx.node)) : 'uint8');
    return [{ dtype, shape: x?.shape?.slice() }];
  },
});
