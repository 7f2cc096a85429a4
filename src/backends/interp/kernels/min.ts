import { registerKernel } from '../kernel';
import { variadicKernel } from '../util/binary';

export default registerKernel('Min', variadicKernel({ num: Math.min, big: (a, b) => (a < b ? a : b) }));
