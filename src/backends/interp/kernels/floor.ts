import { registerKernel } from '../kernel';
import { unaryKernel } from '../util/unary';

export default registerKernel('Floor', unaryKernel(Math.floor));
