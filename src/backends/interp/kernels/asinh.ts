import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Asinh', unaryKernel(Math.asinh));
