import { defineKernel } from '../kernel';
import { binaryKernel } from '../util/binary';

// Comparisons with NaN are false.
export default defineKernel('Less', binaryKernel({ num: (a, b) => +(a < b), big: (a, b) => a < b }, true));
