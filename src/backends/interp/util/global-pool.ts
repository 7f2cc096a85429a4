import { fromNumbers, sizeOf, toNumbers } from '../../../ir/tensor';
import { tensorInput, type Kernel, type KernelContext } from '../kernel';
import { checkPoolInput } from './pool';

/** Folds the `size` values xv[start .. start + size) of one (N, C) plane into one value. */
type PlaneFold = (xv: ArrayLike<number>, start: number, size: number) => number;

/**
 * A global pool kernel: X [N, C, spatial...] -> Y [N, C, 1...], each plane folded in doubles by the fold
 * that `foldFor` returns for the node (so a node attribute such as GlobalLpPool's p is read once).
 */
export function globalPoolKernel(foldFor: (ctx: KernelContext) => PlaneFold): Kernel {
  return (inputs, ctx) => {
    const x = tensorInput(inputs, 0, ctx);
    checkPoolInput(x, ctx.node);
    const fold = foldFor(ctx);
    const planes = x.dims[0]! * x.dims[1]!;
    const size = sizeOf(x.dims.slice(2));
    const xv = toNumbers(x);
    const y = new Float64Array(planes);
    for (let p = 0; p < planes; p++) y[p] = fold(xv, p * size, size);
    return [fromNumbers(x.dtype, [x.dims[0]!, x.dims[1]!, ...x.dims.slice(2).map(() => 1)], y)];
  };
}
