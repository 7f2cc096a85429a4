import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { dtypeFromCode } from '../../../ops/_random';
import { BERNOULLI_DTYPES } from '../../../ops/bernoulli';
import { defineKernel } from '../kernel';
import { rngFor } from '../util/random';
import { numericInput } from '../util/unary';

export default defineKernel('Bernoulli', (inputs, ctx) => {
  const p = numericInput(inputs, 0, ctx);
  const dtype = dtypeFromCode(ctx.node, ctx.attr<number | undefined>('dtype'), p.dtype, BERNOULLI_DTYPES);
  const probs = toNumbers(p);
  const rng = rngFor(ctx);
  const out = new Float64Array(probs.length);
  for (let i = 0; i < probs.length; i++) {
    const pi = probs[i]!;
    if (!(pi >= 0 && pi <= 1)) {
      throw nodeError(ctx.node, 'E_INPUT', `probability ${pi} at element ${i} is outside [0, 1]`);
    }
    // uniform() < 1 always, so p = 1 always draws 1 and p = 0 never does.
    out[i] = rng.uniform() < pi ? 1 : 0;
  }
  return [fromNumbers(dtype, p.dims, out)];
});
