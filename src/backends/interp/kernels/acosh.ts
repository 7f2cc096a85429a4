import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Acosh', unaryKernel(Math.acosh));
