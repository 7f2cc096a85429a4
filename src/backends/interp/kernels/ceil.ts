import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Ceil', unaryKernel(Math.ceil));
