import { registerKernel } from '../kernel';
import { softplus, unaryKernel } from '../util/unary';

export default registerKernel('Softplus', unaryKernel(softplus));
