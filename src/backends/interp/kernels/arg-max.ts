import { defineKernel } from '../kernel';
import { argExtremeKernel } from '../util/arg-extreme';

// Index of the largest element along the axis.
export default defineKernel('ArgMax', argExtremeKernel('largest', (a, b) => a > b));
