import { defineKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default defineKernel('ThresholdedRelu', (inputs, ctx) => {
  const alpha = ctx.attr<number>('alpha');
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => (x > alpha ? x : 0))];
});
