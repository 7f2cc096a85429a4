import { TRAINING_DOMAIN } from '../../../ir/op-id';
import { defineKernel } from '../kernel';
import { readOptimizerInputs, updateElementwise } from '../util/optimizer';

export default defineKernel(
  'Adam',
  (inputs, ctx) => {
    const { r, t, groups } = readOptimizerInputs(inputs, ctx, 4);
    const alpha = ctx.attr<number>('alpha');
    const beta = ctx.attr<number>('beta');
    const eps = ctx.attr<number>('epsilon');
    const norm = ctx.attr<number>('norm_coefficient');
    const post = ctx.attr<number>('norm_coefficient_post');
    // Bias correction of both moments only once an update has happened (T > 0).
    const rate = t > 0 ? (r * Math.sqrt(1 - beta ** t)) / (1 - alpha ** t) : r;
    return updateElementwise(groups, [0, 2, 3], ([x, g, v, h], out) => {
      const gr = norm * x! + g!;
      const vNew = alpha * v! + (1 - alpha) * gr;
      const hNew = beta * h! + (1 - beta) * gr * gr;
      out[0] = (1 - post) * (x! - (rate * vNew) / (Math.sqrt(hNew) + eps));
      out[1] = vNew;
      out[2] = hNew;
    });
  },
  TRAINING_DOMAIN,
);
