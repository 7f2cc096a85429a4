import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Softsign', unaryKernel((x) => x / (1 + Math.abs(x))));
