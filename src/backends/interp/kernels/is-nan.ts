import { defineKernel } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

export default defineKernel('IsNaN', (inputs, ctx) => [mapUnaryTyped(numericInput(inputs, 0, ctx), (x) => +Number.isNaN(x), undefined, 'bool')]);
