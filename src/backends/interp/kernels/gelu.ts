import { nodeError } from '../../../ir/node-error';
import { defineKernel } from '../kernel';
import { erf, mapUnaryTyped, numericInput } from '../util/unary';

const SQRT_HALF = Math.SQRT1_2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

const exact = (x: number) => 0.5 * x * (1 + erf(x * SQRT_HALF));
const tanhApprox = (x: number) => 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));

export default defineKernel('Gelu', (inputs, ctx) => {
  const approximate = ctx.attr<string>('approximate');
  if (approximate !== 'none' && approximate !== 'tanh') {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `approximate must be 'none' or 'tanh', got '${approximate}'`);
  }
  return [mapUnaryTyped(numericInput(inputs, 0, ctx), approximate === 'tanh' ? tanhApprox : exact)];
});
