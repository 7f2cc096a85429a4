import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Atanh', unaryKernel(Math.atanh));
