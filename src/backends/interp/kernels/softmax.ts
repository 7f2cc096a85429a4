import { defineKernel } from '../kernel';
import { sliceMax, softmaxFamilyKernel } from '../util/reduce';

// exp(x - max) / sum(exp(x - max)) along the axis; subtracting the max keeps exp from overflowing.
export default defineKernel(
  'Softmax',
  softmaxFamilyKernel((x, y, base, stride, n) => {
    const m = sliceMax(x, base, stride, n);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += y[base + k * stride] = Math.exp(x[base + k * stride]! - m);
    for (let k = 0; k < n; k++) y[base + k * stride]! /= sum;
  }),
);
