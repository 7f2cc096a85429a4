import { defineKernel } from '../kernel';
import { sliceMax, softmaxFamilyKernel } from '../util/reduce';

// x - max - log(sum(exp(x - max))) along the axis.
export default defineKernel(
  'LogSoftmax',
  softmaxFamilyKernel((x, y, base, stride, n) => {
    const m = sliceMax(x, base, stride, n);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += Math.exp(x[base + k * stride]! - m);
    const logSum = Math.log(sum);
    for (let k = 0; k < n; k++) y[base + k * stride] = x[base + k * stride]! - m - logSum;
  }),
);
