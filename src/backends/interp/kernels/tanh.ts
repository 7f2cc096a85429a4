import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Tanh', unaryKernel(Math.tanh));
