import { defineKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default defineKernel('HardSigmoid', (inputs, ctx) => {
  const alpha = ctx.attr<number>('alpha');
  const beta = ctx.attr<number>('beta');
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => Math.max(0, Math.min(1, alpha * x + beta)))];
});
