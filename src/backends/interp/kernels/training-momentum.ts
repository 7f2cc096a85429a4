import { nodeError } from '../../../ir/node-error';
import { TRAINING_DOMAIN } from '../../../ir/op-id';
import { defineKernel } from '../kernel';
import { readOptimizerInputs, updateElementwise } from '../util/optimizer';

export default defineKernel(
  'Momentum',
  (inputs, ctx) => {
    const { r, t, groups } = readOptimizerInputs(inputs, ctx, 3);
    const alpha = ctx.attr<number>('alpha');
    const norm = ctx.attr<number>('norm_coefficient');
    const mode = ctx.attr<string>('mode');
    if (mode !== 'standard' && mode !== 'nesterov') {
      throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `mode '${mode}' is not supported`, "use 'standard' or 'nesterov'");
    }
    // The first update (T = 0) takes the whole gradient.
    const beta = t > 0 ? ctx.attr<number>('beta') : 1;
    const nesterov = mode === 'nesterov';
    return updateElementwise(groups, [0, 2], ([x, g, v], out) => {
      const gr = norm * x! + g!;
      const vNew = alpha * v! + beta * gr;
      out[0] = x! - r * (nesterov ? gr + alpha * vNew : vNew);
      out[1] = vNew;
    });
  },
  TRAINING_DOMAIN,
);
