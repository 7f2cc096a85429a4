import { TRAINING_DOMAIN } from '../../../ir/op-id';
import { defineKernel } from '../kernel';
import { readOptimizerInputs, updateElementwise } from '../util/optimizer';

export default defineKernel(
  'Adagrad',
  (inputs, ctx) => {
    const { r, t, groups } = readOptimizerInputs(inputs, ctx, 3);
    const rate = r / (1 + t * ctx.attr<number>('decay_factor'));
    const eps = ctx.attr<number>('epsilon');
    const norm = ctx.attr<number>('norm_coefficient');
    return updateElementwise(groups, [0, 2], ([x, g, h], out) => {
      const gr = norm * x! + g!;
      const hNew = h! + gr * gr;
      out[0] = x! - (rate * gr) / (Math.sqrt(hNew) + eps);
      out[1] = hNew;
    });
  },
  TRAINING_DOMAIN,
);
