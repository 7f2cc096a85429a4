import { defineKernel } from '../kernel';
import { windowKernel } from '../util/window';

// w[n] = 0.5 - 0.5·cos(2πn/N).
export default defineKernel('HannWindow', windowKernel([0.5, 0.5]));
