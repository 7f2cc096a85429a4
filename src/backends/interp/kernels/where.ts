import { allocData } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { sizeOf, Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { broadcastIndex, broadcastShape } from '../util/broadcast';
import { where as at } from '../util/binary';

// output = condition ? X : Y, broadcasting all three. Copies raw storage, so every dtype (strings too) works.
export default defineKernel('Where', (inputs, ctx) => {
  const cond = tensorInput(inputs, 0, ctx);
  const x = tensorInput(inputs, 1, ctx);
  const y = tensorInput(inputs, 2, ctx);
  if (cond.dtype !== 'bool') throw nodeError(ctx.node, 'E_DTYPE', `condition must be bool, got ${cond.dtype}`);
  if (x.dtype !== y.dtype) throw nodeError(ctx.node, 'E_DTYPE', `X is ${x.dtype} but Y is ${y.dtype}`);
  const dims = broadcastShape([cond.dims, x.dims, y.dims], at(ctx));
  const n = sizeOf(dims);
  const ic = broadcastIndex(cond.dims, dims);
  const ix = broadcastIndex(x.dims, dims);
  const iy = broadcastIndex(y.dims, dims);
  const c = cond.data as Uint8Array;
  const xs = x.data as ArrayLike<unknown>;
  const ys = y.data as ArrayLike<unknown>;
  const out = allocData(x.dtype, n) as unknown as unknown[];
  for (let i = 0; i < n; i++) out[i] = c[ic ? ic[i]! : i] ? xs[ix ? ix[i]! : i] : ys[iy ? iy[i]! : i];
  return [new Tensor(x.dtype, dims, out as unknown as typeof x.data)];
});
