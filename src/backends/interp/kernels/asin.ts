import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Asin', unaryKernel(Math.asin));
