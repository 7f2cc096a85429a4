import { nodeError } from '../../../ir/node-error';
import { Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { broadcastIndex, broadcastShape } from '../util/broadcast';
import { binaryKernel, where } from '../util/binary';

const numeric = binaryKernel({ num: (a, b) => +(a === b), big: (a, b) => a === b }, true);

// Strings are comparable from opset 19.
export default defineKernel('Equal', (inputs, ctx) => {
  const a = tensorInput(inputs, 0, ctx);
  const b = tensorInput(inputs, 1, ctx);
  if (a.dtype !== 'string' && b.dtype !== 'string') return numeric(inputs, ctx);
  if (a.dtype !== b.dtype) throw nodeError(ctx.node, 'E_DTYPE', `cannot compare ${a.dtype} with ${b.dtype}`);
  const dims = broadcastShape([a.dims, b.dims], where(ctx));
  const ia = broadcastIndex(a.dims, dims);
  const ib = broadcastIndex(b.dims, dims);
  const x = a.data as string[];
  const y = b.data as string[];
  const out = new Uint8Array(ia?.length ?? ib?.length ?? x.length);
  for (let i = 0; i < out.length; i++) out[i] = +(x[ia ? ia[i]! : i] === y[ib ? ib[i]! : i]);
  return [new Tensor('bool', dims, out)];
});
