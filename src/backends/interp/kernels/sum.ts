import { defineKernel } from '../kernel';
import { variadicKernel } from '../util/binary';

export default defineKernel('Sum', variadicKernel({ num: (a, b) => a + b, big: (a, b) => a + b }));
