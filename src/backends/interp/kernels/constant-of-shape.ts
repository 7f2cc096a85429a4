import { nodeError } from '../../../ir/node-error';
import { toIntList } from '../../../ir/tensor';
import type { Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { filledTensor, firstElement } from '../util/copy';

export default defineKernel('ConstantOfShape', (inputs, ctx) => {
  const dims = toIntList(tensorInput(inputs, 0, ctx));
  if (dims.some((d) => d < 0)) throw nodeError(ctx.node, 'E_INPUT', `negative dim in shape [${dims.join(',')}]`);
  const value = ctx.attr<Tensor | undefined>('value');
  if (value && value.size !== 1) throw nodeError(ctx.node, 'E_ATTR', `value must hold exactly one element, has ${value.size}`);
  // Default: float32 zeros, which fresh storage already holds.
  return [value ? filledTensor(value, dims, firstElement(value)) : filledTensor('float32', dims, undefined)];
});
