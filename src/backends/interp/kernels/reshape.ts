import { nodeError } from '../../../ir/node-error';
import { sizeOf, Tensor, toIntList } from '../../../ir/tensor';
import { reshapeDims } from '../../../ops/reshape';
import { defineKernel, tensorInput } from '../kernel';

// Reshape never copies: the output shares the input's storage (kernels never mutate inputs).
export default defineKernel('Reshape', (inputs, ctx) => {
  const data = tensorInput(inputs, 0, ctx);
  const shape = ctx.opset < 5 ? ctx.attr<number[] | undefined>('shape') : toIntList(tensorInput(inputs, 1, ctx));
  if (!shape) throw nodeError(ctx.node, 'E_ATTR', `missing attribute 'shape'`, 'the model is malformed');
  const allowZero = ctx.opset >= 14 && ctx.attr<number>('allowzero') === 1;
  const fail = (why: string) =>
    nodeError(ctx.node, 'E_SHAPE', `cannot reshape [${data.dims.join(',')}] to [${shape.join(',')}]: ${why}`,
      'check the input shape against what the model expects (hodu inspect MODEL)');
  // Every dim is concrete here, so the shared inference yields numbers.
  const out = reshapeDims(data.dims, shape, allowZero, fail) as number[];
  if (sizeOf(out) !== data.size) throw fail(`${data.size} elements cannot fill ${sizeOf(out)}`);
  return [new Tensor(data.dtype, out, data.data)];
});
