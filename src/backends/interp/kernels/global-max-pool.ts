import { defineKernel } from '../kernel';
import { globalPoolKernel } from '../util/global-pool';

// Max over all spatial positions of each (N, C) plane; a NaN anywhere in the plane wins.
export default defineKernel(
  'GlobalMaxPool',
  globalPoolKernel(() => (xv, start, size) => {
    let best = -Infinity;
    for (let i = start; i < start + size; i++) if (xv[i]! > best || Number.isNaN(xv[i]!)) best = xv[i]!;
    return best;
  }),
);
