import { nodeError } from '../../../ir/node-error';
import { defineKernel } from '../kernel';
import { mapBroadcast } from '../util/elementwise';
import { numericInput } from '../util/unary';
import { where } from '../util/binary';

// Sums all inputs in doubles and divides once, so float16 inputs are rounded only at the end.
export default defineKernel('Mean', (inputs, ctx) => {
  const ts = inputs.map((_, i) => numericInput(inputs, i, ctx));
  const n = ts.length;
  if (n === 0) throw nodeError(ctx.node, 'E_INPUT', 'needs at least one input', 'the model is malformed');
  return [mapBroadcast(ts, ts[0]!.dtype, (...xs) => {
    let s = 0;
    for (const x of xs) s += x;
    return s / n;
  }, where(ctx))];
});
