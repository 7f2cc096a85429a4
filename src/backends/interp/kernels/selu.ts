import { defineKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

// gamma * (x > 0 ? x : alpha * (exp(x) - 1))
export default defineKernel('Selu', (inputs, ctx) => {
  const alpha = ctx.attr<number>('alpha');
  const gamma = ctx.attr<number>('gamma');
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => gamma * (x > 0 ? x : alpha * Math.expm1(x)))];
});
