import { normalizeAxis } from '../ir/axis';
import { isFloatDType, type DType } from '../ir/dtype';
import { CODE_TO_DTYPE } from '../ir/dtype-codes';
import { defineOp } from './schema';
import { FLOATS_BF16 } from './_types';

/** stash_type (an ONNX TensorProto data type) as the dtype of Mean / InvStdDev. */
export function stashDType(stash: number, fallback: DType): DType {
  const d = CODE_TO_DTYPE[stash];
  return d && isFloatDType(d) ? d : fallback;
}

// LayerNormalization-17: normalizes over dims [axis, rank); Mean and InvStdDev keep those dims as 1.
export default defineOp({
  op: 'LayerNormalization',
  sinceVersion: 17,
  versions: [17], types: { T: FLOATS_BF16, U: ['float32', 'bfloat16'] },
  inputs: [{ name: 'X', type: 'T' }, { name: 'Scale', type: 'T' }, { name: 'B', type: 'T', optional: true }],
  outputs: [{ name: 'Y', type: 'T' }, { name: 'Mean', type: 'U', optional: true }, { name: 'InvStdDev', type: 'U', optional: true }],
  attributes: {
    axis: { type: 'int', default: -1 },
    epsilon: { type: 'float', default: 1e-5 },
    stash_type: { type: 'int', default: 1 },
  },
  infer(ctx) {
    const x = ctx.inputs[0];
    const stat = { dtype: stashDType(ctx.attr<number>('stash_type'), x?.dtype ?? 'float32') };
    if (!x?.shape) return [{ dtype: x?.dtype }, stat, stat];
    const axis = normalizeAxis(ctx.attr<number>('axis'), x.shape.length, ctx.node);
    const statShape = x.shape.map((d, i) => (i < axis ? d : 1));
    return [{ dtype: x.dtype, shape: x.shape.slice() }, { ...stat, shape: statShape }, { ...stat, shape: statShape.slice() }];
  },
});
