import { defineKernel } from '../kernel';
import { variadicKernel } from '../util/binary';

export default defineKernel('Min', variadicKernel({ num: Math.min, big: (a, b) => (a < b ? a : b) }));
