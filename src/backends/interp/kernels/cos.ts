import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Cos', unaryKernel(Math.cos));
