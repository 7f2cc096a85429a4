import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Sinh', unaryKernel(Math.sinh));
