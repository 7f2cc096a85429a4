import { defineKernel } from '../kernel';
import { softplus, unaryKernel } from '../util/unary';

// mish(x) = x * tanh(softplus(x)).
export default defineKernel('Mish', unaryKernel((x) => x * Math.tanh(softplus(x))));
