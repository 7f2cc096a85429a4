import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Tan', unaryKernel(Math.tan));
