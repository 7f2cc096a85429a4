import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Atan', unaryKernel(Math.atan));
