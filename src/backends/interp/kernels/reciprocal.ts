import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Reciprocal', unaryKernel((x) => 1 / x));
