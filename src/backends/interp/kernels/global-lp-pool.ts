import { defineKernel } from '../kernel';
import { globalPoolKernel } from '../util/global-pool';

// (Σ |x|^p)^(1/p) over all spatial positions of each (N, C) plane.
export default defineKernel(
  'GlobalLpPool',
  globalPoolKernel((ctx) => {
    // GlobalLpPool-1 stored p as a float attribute, later versions as an int (the schema allows both).
    const p = ctx.attr<number>('p');
    return (xv, start, size) => {
      let sum = 0;
      for (let i = start; i < start + size; i++) sum += Math.abs(xv[i]!) ** p;
      return sum ** (1 / p);
    };
  }),
);
