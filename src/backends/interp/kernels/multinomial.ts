import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { dtypeFromCode } from '../../../ops/_random';
import { defineKernel } from '../kernel';
import { rngFor } from '../util/random';
import { numericInput } from '../util/unary';

export default defineKernel('Multinomial', (inputs, ctx) => {
  const x = numericInput(inputs, 0, ctx);
  const dtype = dtypeFromCode(ctx.node, ctx.attr<number>('dtype'), 'int32', ['int32', 'int64']);
  const samples = ctx.attr<number>('sample_size');
  if (x.rank !== 2 || !(samples >= 0)) {
    throw nodeError(ctx.node, 'E_SHAPE', `input must be [batch, class_size] and sample_size >= 0, got [${x.dims.join(',')}] and ${samples}`);
  }
  const [batch, classes] = x.dims as [number, number];
  const logits = toNumbers(x);
  const rng = rngFor(ctx);
  const out = new Float64Array(batch * samples);
  const cumulative = new Float64Array(classes);
  for (let b = 0; b < batch; b++) {
    // Softmax of the row (shifted by its max so exp never overflows), accumulated for inverse-CDF sampling.
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, logits[b * classes + c]!);
    let total = 0;
    for (let c = 0; c < classes; c++) {
      total += Math.exp(logits[b * classes + c]! - max);
      cumulative[c] = total;
    }
    if (!(total > 0) || !Number.isFinite(total)) {
      throw nodeError(ctx.node, 'E_INPUT', `row ${b} has no finite probability mass`);
    }
    for (let s = 0; s < samples; s++) {
      const u = rng.uniform() * total;
      let c = 0;
      while (c < classes - 1 && cumulative[c]! <= u) c++;
      out[b * samples + s] = c;
    }
  }
  return [fromNumbers(dtype, [batch, samples], out)];
});
