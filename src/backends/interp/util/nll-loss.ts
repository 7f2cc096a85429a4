import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers, type Tensor, toIntList } from '../../../ir/tensor';
import type { KernelContext } from '../kernel';

/**
 * The negative log-likelihood shared by NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss, following the
 * ONNX reference: `logp` is (N, C, d1..dk) as float64, `target` is (N, d1..dk). Elements whose target equals
 * `ignore_index` contribute 0 and weigh 0; 'mean' divides by the summed weights (1 each without `weight`),
 * so a batch where everything is ignored gives 0/0 = NaN, as numpy does.
 */
export function nllLoss(
  ctx: KernelContext,
  logp: ArrayLike<number>,
  inputDims: readonly number[],
  target: Tensor,
  weight: Tensor | undefined,
  outDtype: Tensor['dtype'],
): Tensor {
  if (inputDims.length < 2) {
    throw nodeError(ctx.node, 'E_SHAPE', `input must be (N, C, d1..dk), got [${inputDims.join(',')}]`);
  }
  const [n, c] = inputDims as [number, number];
  const spatialDims = inputDims.slice(2);
  const expectDims = [n, ...spatialDims];
  if (target.dims.join(',') !== expectDims.join(',')) {
    throw nodeError(ctx.node, 'E_SHAPE', `target [${target.dims.join(',')}] must be [${expectDims.join(',')}] for input [${inputDims.join(',')}]`);
  }
  const w = weight ? toNumbers(weight) : undefined;
  if (w && w.length !== c) {
    throw nodeError(ctx.node, 'E_SHAPE', `weight has ${w.length} elements, input has C=${c} classes`);
  }
  const ignore = ctx.attr<number | undefined>('ignore_index');
  const reduction = ctx.attr<string>('reduction');
  if (reduction !== 'none' && reduction !== 'sum' && reduction !== 'mean') {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `reduction '${reduction}' is not supported`, 'use none, sum or mean');
  }
  const tgt = toIntList(target);
  const d = tgt.length / Math.max(n, 1);
  const loss = new Float64Array(tgt.length);
  let lossSum = 0;
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      const j = i * d + k;
      const cls = tgt[j]!;
      if (cls === ignore) continue;
      if (!(cls >= 0 && cls < c)) {
        throw nodeError(ctx.node, 'E_INPUT', `target value ${cls} is outside [0, ${c}) and is not ignore_index`,
          ignore === undefined ? 'set ignore_index for padding labels' : `ignore_index is ${ignore}`);
      }
      const wt = w ? w[cls]! : 1;
      loss[j] = -logp[(i * c + cls) * d + k]! * wt;
      lossSum += loss[j]!;
      weightSum += wt;
    }
  }
  if (reduction === 'none') return fromNumbers(outDtype, target.dims, loss);
  // Without weight or ignore_index the reference takes np.mean over all N*d elements.
  const divisor = w || ignore !== undefined ? weightSum : tgt.length;
  return fromNumbers(outDtype, [], [reduction === 'sum' ? lossSum : lossSum / divisor]);
}
