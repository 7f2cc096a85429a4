import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Sin', unaryKernel(Math.sin));
