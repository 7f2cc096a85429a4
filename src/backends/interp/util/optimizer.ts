import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers, type Tensor } from '../../../ir/tensor';
import { tensorInput, type KernelContext, type Value } from '../kernel';

interface OptimizerInputs {
  /** Learning rate R and update count T (scalars). */
  r: number;
  t: number;
  /** groups[g][i]: tensor i of group g (X, G, then the optimizer's state groups). */
  groups: Tensor[][];
}

/** Splits (R, T, X..., G..., S...) into its groups of equal size, checking that each tensor matches X. */
export function readOptimizerInputs(inputs: (Value | undefined)[], ctx: KernelContext, groupCount: number): OptimizerInputs {
  const rest = inputs.length - 2;
  if (rest <= 0 || rest % groupCount !== 0) {
    throw nodeError(ctx.node, 'E_INPUT', `expected R, T and ${groupCount} equal groups of tensors, got ${inputs.length} inputs`);
  }
  const n = rest / groupCount;
  const groups = Array.from({ length: groupCount }, (_, g) => Array.from({ length: n }, (_, i) => tensorInput(inputs, 2 + g * n + i, ctx)));
  groups.forEach((group, g) =>
    group.forEach((tensor, i) => {
      const x = groups[0]![i]!;
      if (tensor.dims.join(',') !== x.dims.join(',')) {
        throw nodeError(ctx.node, 'E_SHAPE', `input ${2 + g * n + i} [${tensor.dims.join(',')}] does not match X${i} [${x.dims.join(',')}]`);
      }
    }),
  );
  return { r: toNumbers(tensorInput(inputs, 0, ctx))[0]!, t: toNumbers(tensorInput(inputs, 1, ctx))[0]!, groups };
}

/**
 * Applies `step` elementwise to tensor i of every group (values as numbers, in group order) and returns the
 * output groups it writes, each typed like `like[o]` of that index.
 */
export function updateElementwise(
  groups: Tensor[][],
  outputGroups: number[],
  step: (v: number[], out: number[]) => void,
): Tensor[] {
  const outs: Tensor[][] = outputGroups.map(() => []);
  const n = groups[0]!.length;
  for (let i = 0; i < n; i++) {
    const vals = groups.map((g) => toNumbers(g[i]!));
    const size = groups[0]![i]!.size;
    const results = outputGroups.map(() => new Float64Array(size));
    const v = new Array<number>(groups.length);
    const o = new Array<number>(outputGroups.length);
    for (let e = 0; e < size; e++) {
      for (let g = 0; g < groups.length; g++) v[g] = vals[g]![e]!;
      step(v, o);
      for (let k = 0; k < o.length; k++) results[k]![e] = o[k]!;
    }
    outputGroups.forEach((g, k) => {
      const like = groups[g]![i]!;
      outs[k]!.push(fromNumbers(like.dtype, like.dims, results[k]!));
    });
  }
  return outs.flat();
}
