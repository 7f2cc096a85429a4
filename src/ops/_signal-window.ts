/** Schema of the window ops (HannWindow, HammingWindow, BlackmanWindow; opset 17): size → 1-D window. */
import type { DType } from '../ir/dtype';
import { dtypeFromOnnx } from '../ir/dtype-codes';
import { nodeLabel } from '../ir/node-label';
import type { OpFacts, OpSchema } from './schema';

export function windowSchema(op: string, facts: OpFacts): Omit<OpSchema, 'domain'> {
  return {
    op,
    sinceVersion: 17,
    ...facts,
    inputs: [{ name: 'size', type: 'T1' }],
    outputs: [{ name: 'output', type: 'T2' }],
    attributes: {
      output_datatype: { type: 'int', default: 1 },
      periodic: { type: 'int', default: 1 },
    },
    infer(ctx) {
      const dtype: DType = dtypeFromOnnx(ctx.attr<number>('output_datatype'), nodeLabel(ctx.node));
      const size = ctx.inputs[0]?.value;
      return [{ dtype, shape: [size ? Number(size.data[0]) : '?'] }];
    },
  };
}
