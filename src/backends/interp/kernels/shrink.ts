import { defineKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default defineKernel('Shrink', (inputs, ctx) => {
  const bias = ctx.attr<number>('bias');
  const lambd = ctx.attr<number>('lambd');
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => (x < -lambd ? x + bias : x > lambd ? x - bias : 0))];
});
