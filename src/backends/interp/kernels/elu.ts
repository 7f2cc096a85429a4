import { defineKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

// x < 0 ? alpha * (exp(x) - 1) : x; expm1 keeps precision near 0.
export default defineKernel('Elu', (inputs, ctx) => {
  const alpha = ctx.attr<number>('alpha');
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => (x < 0 ? alpha * Math.expm1(x) : x))];
});
