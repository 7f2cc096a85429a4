import type { DType } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import { fromNumbers, sizeOf, type Tensor } from '../../../ir/tensor';
import { dtypeFromCode, RANDOM_FLOAT_DTYPES } from '../../../ops/_random';
import type { KernelContext } from '../kernel';
import { rngFor } from './random';

/** A float tensor of `dims` drawn from the node's distribution (uniform low/high or normal mean/scale). */
export function randomTensor(ctx: KernelContext, kind: 'uniform' | 'normal', dims: readonly number[], fallback: DType): Tensor {
  const dtype = dtypeFromCode(ctx.node, ctx.attr<number | undefined>('dtype'), fallback, RANDOM_FLOAT_DTYPES);
  if (!RANDOM_FLOAT_DTYPES.includes(dtype)) {
    throw nodeError(ctx.node, 'E_DTYPE', `output dtype ${dtype} is not a float type`, 'set the dtype attribute');
  }
  const rng = rngFor(ctx);
  const values = new Float64Array(sizeOf(dims));
  if (kind === 'uniform') {
    const low = ctx.attr<number>('low');
    const high = ctx.attr<number>('high');
    for (let i = 0; i < values.length; i++) values[i] = low + (high - low) * rng.uniform();
  } else {
    const mean = ctx.attr<number>('mean');
    const scale = ctx.attr<number>('scale');
    for (let i = 0; i < values.length; i++) values[i] = mean + scale * rng.normal();
  }
  return fromNumbers(dtype, dims, values);
}
