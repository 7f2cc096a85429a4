import { dtypeFromOnnx } from '../../../ir/dtype-codes';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { defineKernel } from '../kernel';

// The element dtype only matters to type checking (an empty Tensor[] carries none), but a bad code is an error.
export default defineKernel('SequenceEmpty', (_inputs, ctx) => {
  const code = ctx.attr<number | undefined>('dtype');
  if (code !== undefined) {
    try {
      dtypeFromOnnx(code, nodeLabel(ctx.node));
    } catch (e) {
      throw nodeError(ctx.node, 'E_ATTR', `dtype ${code} is not a supported ONNX data type`, undefined, e);
    }
  }
  return [[]];
});
