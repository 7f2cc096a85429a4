import { defineKernel } from '../kernel';
import { globalPoolKernel } from '../util/global-pool';

// Mean over all spatial positions of each (N, C) plane.
export default defineKernel(
  'GlobalAveragePool',
  globalPoolKernel(() => (xv, start, size) => {
    let sum = 0;
    for (let i = start; i < start + size; i++) sum += xv[i]!;
    return sum / size;
  }),
);
