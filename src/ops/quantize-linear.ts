import type { DType } from '../ir/dtype';
import { dtypeFromOnnx } from '../ir/dtype-codes';
import { defineOp } from './registry';

// QuantizeLinear-10 (per tensor), 13 (per axis: `axis`), 19 (float16/bfloat16 inputs; `saturate` only concerns
// float8 outputs, which hodu cannot hold), 21 (`block_size`, `output_dtype`, 16-bit outputs).
export default defineOp({
  op: 'QuantizeLinear',
  sinceVersion: 10,
  untilVersion: 21,
  inputs: [{ name: 'x' }, { name: 'y_scale' }, { name: 'y_zero_point', optional: true }],
  outputs: [{ name: 'y' }],
  attributes: {
    axis: { type: 'int', default: 1 },
    saturate: { type: 'int', default: 1 },
    block_size: { type: 'int', default: 0 },
    output_dtype: { type: 'int', default: 0 },
  },
  infer(ctx) {
    const [x, , zp] = ctx.inputs;
    const code = ctx.attr<number>('output_dtype');
    const dtype: DType = zp?.dtype ?? (code ? dtypeFromOnnx(code, `QuantizeLinear node '${ctx.node.name}'`) : 'uint8');
    return [{ dtype, shape: x?.shape?.slice() }];
  },
});
