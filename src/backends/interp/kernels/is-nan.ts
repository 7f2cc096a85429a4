import { registerKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default registerKernel('IsNaN', (inputs, ctx) => [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => +Number.isNaN(x), undefined, 'bool')]);
