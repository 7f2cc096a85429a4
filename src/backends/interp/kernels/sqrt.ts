import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

// Negative inputs give NaN.
export default registerKernel('Sqrt', unaryKernel(Math.sqrt));
