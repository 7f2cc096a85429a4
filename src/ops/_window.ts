/** Schema of the window ops (HannWindow, HammingWindow, BlackmanWindow; opset 17): size → 1-D window. */
import type { DType } from '../ir/dtype';
import { dtypeFromOnnx } from '../ir/dtype-codes';
import type { OpSchema } from './schema';

export function windowSchema(op: string): Omit<OpSchema, 'domain'> {
  return {
    op,
    sinceVersion: 17,
    untilVersion: 21,
    inputs: [{ name: 'size' }],
    outputs: [{ name: 'output' }],
    attributes: {
      output_datatype: { type: 'int', default: 1 },
      periodic: { type: 'int', default: 1 },
    },
    infer(ctx) {
      const dtype: DType = dtypeFromOnnx(ctx.attr<number>('output_datatype'), `${op} node '${ctx.node.name}'`);
      const size = ctx.inputs[0]?.value;
      return [{ dtype, shape: [size ? Number(size.data[0]) : '?'] }];
    },
  };
}
