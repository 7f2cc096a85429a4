import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Cosh', unaryKernel(Math.cosh));
