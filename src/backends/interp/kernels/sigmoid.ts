import { registerKernel } from '../kernel';
import { sigmoid, unaryKernel } from '../util/unary';

export default registerKernel('Sigmoid', unaryKernel(sigmoid));
