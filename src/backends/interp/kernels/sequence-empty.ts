import { HoduError } from '../../../errors';
import { dtypeFromOnnx } from '../../../ir/dtype-codes';
import { defineKernel } from '../kernel';
import { nodeLabel } from '../util/indexing';

// The element dtype only matters to type checking (an empty Tensor[] carries none), but a bad code is an error.
export default defineKernel('SequenceEmpty', (_inputs, ctx) => {
  const code = ctx.attr<number | undefined>('dtype');
  if (code !== undefined) {
    try {
      dtypeFromOnnx(code, nodeLabel(ctx));
    } catch (e) {
      throw new HoduError('E_ATTR', `${nodeLabel(ctx)}: dtype ${code} is not a supported ONNX data type`, { cause: e });
    }
  }
  return [[]];
});
