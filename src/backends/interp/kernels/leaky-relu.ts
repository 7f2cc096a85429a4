import { defineKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default defineKernel('LeakyRelu', (inputs, ctx) => {
  const alpha = ctx.attr<number>('alpha');
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => (x < 0 ? alpha * x : x))];
});
