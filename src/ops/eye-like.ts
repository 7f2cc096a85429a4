import { dtypeFromOnnx } from '../ir/dtype-codes';
import { nodeLabel } from '../ir/node-label';
import { defineOp } from './schema';
import { NUMERIC_BOOL_BUT_BF16 } from './_types';

// EyeLike-9/22: a 2-D tensor of the input's shape with ones on the k-th diagonal; `dtype` overrides the input's.
export default defineOp({
  op: 'EyeLike',
  sinceVersion: 9,
  versions: [9], types: { T1: NUMERIC_BOOL_BUT_BF16, T2: NUMERIC_BOOL_BUT_BF16 },
  inputs: [{ name: 'input', type: 'T1' }],
  outputs: [{ name: 'output', type: 'T2' }],
  attributes: { dtype: { type: 'int' }, k: { type: 'int', default: 0 } },
  infer(ctx) {
    const code = ctx.attr<number | undefined>('dtype');
    const x = ctx.inputs[0];
    return [{ dtype: code === undefined ? x?.dtype : dtypeFromOnnx(code, nodeLabel(ctx.node)), shape: x?.shape?.slice() }];
  },
});
