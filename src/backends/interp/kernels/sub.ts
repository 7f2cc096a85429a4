import { defineKernel } from '../kernel';
import { binaryKernel } from '../util/binary';

export default defineKernel('Sub', binaryKernel({ num: (a, b) => a - b, big: (a, b) => a - b }));
