import { registerKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default registerKernel('LeakyRelu', (inputs, ctx) => {
  const alpha = ctx.attr<number>('alpha');
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => (x < 0 ? alpha * x : x))];
});
