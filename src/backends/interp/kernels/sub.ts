import { registerKernel } from '../kernel';
import { binaryKernel } from '../util/binary';

export default registerKernel('Sub', binaryKernel({ num: (a, b) => a - b, big: (a, b) => a - b }));
