import { HoduError } from '../../../errors';
import { Tensor, toIntList } from '../../../ir/tensor';
import { unsqueezeDims } from '../../../ops/unsqueeze';
import { defineKernel, tensorInput } from '../kernel';
import { nodeLabel } from '../util/indexing';

// Inserts size-1 dims; shares storage.
export default defineKernel('Unsqueeze', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const axes = ctx.opset < 13 ? ctx.attr<number[] | undefined>('axes') : toIntList(tensorInput(inputs, 1, ctx));
  if (!axes) throw new HoduError('E_ATTR', `${nodeLabel(ctx)}: missing 'axes'`, { hint: 'the model is malformed' });
  const dims = unsqueezeDims(x.dims, axes);
  if (!dims) {
    throw new HoduError('E_ATTR', `${nodeLabel(ctx)}: axes [${axes.join(',')}] are repeated or out of range for output rank ${x.rank + axes.length}`);
  }
  return [new Tensor(x.dtype, dims, x.data)];
});
