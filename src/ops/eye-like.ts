import { dtypeFromOnnx } from '../ir/dtype-codes';
import { defineOp } from './registry';

// EyeLike-9/22: a 2-D tensor of the input's shape with ones on the k-th diagonal; `dtype` overrides the input's.
export default defineOp({
  op: 'EyeLike',
  sinceVersion: 9,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { dtype: { type: 'int' }, k: { type: 'int', default: 0 } },
  infer(ctx) {
    const code = ctx.attr<number | undefined>('dtype');
    const x = ctx.inputs[0];
    return [{ dtype: code === undefined ? x?.dtype : dtypeFromOnnx(code, `EyeLike node '${ctx.node.name}'`), shape: x?.shape?.slice() }];
  },
});
