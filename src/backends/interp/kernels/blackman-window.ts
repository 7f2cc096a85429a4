import { defineKernel } from '../kernel';
import { windowKernel } from '../util/window';

// w[n] = 0.42 - 0.5·cos(2πn/N) + 0.08·cos(4πn/N).
export default defineKernel('BlackmanWindow', windowKernel([0.42, 0.5, 0.08]));
