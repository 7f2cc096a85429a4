import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Acos', unaryKernel(Math.acos));
