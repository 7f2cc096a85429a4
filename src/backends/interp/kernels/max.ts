import { defineKernel } from '../kernel';
import { variadicKernel } from '../util/binary';

// NaN propagates (Math.max(NaN, x) is NaN), like numpy.maximum.
export default defineKernel('Max', variadicKernel({ num: Math.max, big: (a, b) => (a > b ? a : b) }));
