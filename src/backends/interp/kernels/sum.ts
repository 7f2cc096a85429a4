import { registerKernel } from '../kernel';
import { variadicKernel } from '../util/binary';

export default registerKernel('Sum', variadicKernel({ num: (a, b) => a + b, big: (a, b) => a + b }));
