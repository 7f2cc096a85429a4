import { registerKernel } from '../kernel';
import { mapBroadcast } from '../util/elementwise';
import { numericInput } from '../util/unary';
import { where } from '../util/binary';

// Sums all inputs in doubles and divides once, so float16 inputs are rounded only at the end.
export default registerKernel('Mean', (inputs, ctx) => {
  const ts = inputs.map((_, i) => numericInput(inputs, i, ctx));
  const n = ts.length;
  return [mapBroadcast(ts, ts[0]!.dtype, (...xs) => {
    let s = 0;
    for (const x of xs) s += x;
    return s / n;
  }, where(ctx))];
});
