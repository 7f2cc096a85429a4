import { defineKernel } from '../kernel';
import { argExtremeKernel } from '../util/arg-extreme';

// Index of the smallest element along the axis.
export default defineKernel('ArgMin', argExtremeKernel('smallest', (a, b) => a < b));
