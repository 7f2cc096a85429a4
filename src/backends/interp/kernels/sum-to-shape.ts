import { nodeError } from '../../../ir/node-error';
import { fromNumbers, sizeOf, stridesOf, Tensor, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { HODU_DOMAIN } from '../../../ir/op-id';

// out[j] = Σ grad[i] over every i that numpy broadcasting maps onto j of `like`'s shape.
export default defineKernel('SumToShape', (inputs, ctx) => {
  const grad = tensorInput(inputs, 0, ctx);
  const like = tensorInput(inputs, 1, ctx);
  const rank = grad.rank;
  const target = like.dims;
  if (target.length > rank || target.some((d, i) => d !== 1 && d !== grad.dims[rank - target.length + i])) {
    throw nodeError(ctx.node, 'E_SHAPE', `[${grad.dims}] does not broadcast from [${target}]`);
  }
  if (target.length === rank && target.every((d, i) => d === grad.dims[i])) return [grad];
  const outStrides = stridesOf(target);
  const g = toNumbers(grad);
  const out = new Float64Array(sizeOf(target));
  const counter = new Array<number>(rank).fill(0);
  for (let i = 0; i < g.length; i++) {
    let j = 0;
    for (let a = 0; a < target.length; a++) {
      const axis = rank - target.length + a;
      if (target[a] !== 1) j += counter[axis]! * outStrides[a]!;
    }
    out[j]! += g[i]!;
    for (let a = rank - 1; a >= 0; a--) {
      if (++counter[a]! < grad.dims[a]!) break;
      counter[a] = 0;
    }
  }
  return [grad.dtype === 'float32' || grad.dtype === 'float64' ? new Tensor(grad.dtype, target, grad.dtype === 'float32' ? Float32Array.from(out) : out) : fromNumbers(grad.dtype, target, out)];
}, HODU_DOMAIN);
