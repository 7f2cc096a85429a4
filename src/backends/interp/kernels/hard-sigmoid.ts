import { registerKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default registerKernel('HardSigmoid', (inputs, ctx) => {
  const alpha = ctx.attr<number>('alpha');
  const beta = ctx.attr<number>('beta');
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => Math.max(0, Math.min(1, alpha * x + beta)))];
});
