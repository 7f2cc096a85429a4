import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Abs', unaryKernel(Math.abs, (x) => (x < 0n ? -x : x)));
