import { defineKernel } from '../kernel';
import { erf, unaryKernel } from '../util/unary';

// See util/unary.ts for the approximation (about double precision).
export default defineKernel('Erf', unaryKernel(erf));
