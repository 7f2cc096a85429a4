import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

// log(0) = -inf, negative inputs give NaN.
export default registerKernel('Log', unaryKernel(Math.log));
