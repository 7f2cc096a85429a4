import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { nllLoss } from '../util/nll-loss';

// log_prob = LogSoftmax(scores) over the class axis 1, then the negative log-likelihood of the labels.
export default defineKernel('SoftmaxCrossEntropyLoss', (inputs, ctx) => {
  const scores = tensorInput(inputs, 0, ctx);
  const labels = tensorInput(inputs, 1, ctx);
  if (scores.rank < 2) {
    throw nodeError(ctx.node, 'E_SHAPE', `scores must be (N, C, d1..dk), got [${scores.dims.join(',')}]`);
  }
  const x = toNumbers(scores);
  const [n, c] = scores.dims as [number, number];
  const d = scores.size / Math.max(n * c, 1);
  const logp = new Float64Array(x.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      const base = i * c * d + k;
      let m = -Infinity;
      for (let j = 0; j < c; j++) m = Math.max(m, x[base + j * d]!);
      let sum = 0;
      for (let j = 0; j < c; j++) sum += Math.exp(x[base + j * d]! - m);
      const logSum = Math.log(sum);
      for (let j = 0; j < c; j++) logp[base + j * d] = x[base + j * d]! - m - logSum;
    }
  }
  const loss = nllLoss(ctx, logp, scores.dims, labels, optionalInput(inputs, 2), scores.dtype);
  return [loss, fromNumbers(scores.dtype, scores.dims, logp)];
});
