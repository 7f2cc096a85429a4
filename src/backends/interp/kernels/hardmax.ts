import { defineKernel } from '../kernel';
import { softmaxFamilyKernel } from '../util/reduce';

// 1 at the first maximum along the axis, 0 elsewhere.
export default defineKernel(
  'Hardmax',
  softmaxFamilyKernel((x, y, base, stride, n) => {
    let best = 0;
    for (let k = 1; k < n; k++) if (x[base + k * stride]! > x[base + best * stride]!) best = k;
    if (n > 0) y[base + best * stride] = 1;
  }),
);
