import { defineKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default defineKernel('IsInf', (inputs, ctx) => {
  const neg = ctx.attr<number>('detect_negative') !== 0;
  const pos = ctx.attr<number>('detect_positive') !== 0;
  const isInf = (x: number) => +((pos && x === Infinity) || (neg && x === -Infinity));
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), isInf, undefined, 'bool')];
});
