import { registerKernel } from '../kernel';
import { variadicKernel } from '../util/binary';

// NaN propagates (Math.max(NaN, x) is NaN), like numpy.maximum.
export default registerKernel('Max', variadicKernel({ num: Math.max, big: (a, b) => (a > b ? a : b) }));
