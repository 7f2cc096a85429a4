import { nodeError } from '../../../ir/node-error';
import { Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';

export default defineKernel('Not', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  if (x.dtype !== 'bool') throw nodeError(ctx.node, 'E_DTYPE', `needs a bool input, got ${x.dtype}`);
  const src = x.data as Uint8Array;
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i] ? 0 : 1;
  return [new Tensor('bool', x.dims, out)];
});
