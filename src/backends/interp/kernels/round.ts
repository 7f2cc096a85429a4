import { defineKernel } from '../kernel';
import { roundHalfEven, unaryKernel } from '../util/unary';

// Halves round to the nearest even integer (2.5 -> 2, -1.5 -> -2).
export default defineKernel('Round', unaryKernel(roundHalfEven));
