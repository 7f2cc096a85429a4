import { defineKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default defineKernel('Celu', (inputs, ctx) => {
  const alpha = ctx.attr<number>('alpha');
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => Math.max(0, x) + Math.min(0, alpha * Math.expm1(x / alpha)))];
});
