import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Exp', unaryKernel(Math.exp));
