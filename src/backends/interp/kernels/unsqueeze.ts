import { nodeError } from '../../../ir/node-error';
import { Tensor, toIntList } from '../../../ir/tensor';
import { unsqueezeDims } from '../../../ops/unsqueeze';
import { defineKernel, tensorInput } from '../kernel';

// Inserts size-1 dims; shares storage.
export default defineKernel('Unsqueeze', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const axes = ctx.opset < 13 ? ctx.attr<number[] | undefined>('axes') : toIntList(tensorInput(inputs, 1, ctx));
  if (!axes) throw nodeError(ctx.node, 'E_ATTR', `missing 'axes'`, 'the model is malformed');
  const dims = unsqueezeDims(x.dims, axes);
  if (!dims) {
    throw nodeError(ctx.node, 'E_ATTR', `axes [${axes.join(',')}] are repeated or out of range for output rank ${x.rank + axes.length}`);
  }
  return [new Tensor(x.dtype, dims, x.data)];
});
