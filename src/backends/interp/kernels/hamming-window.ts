import { defineKernel } from '../kernel';
import { windowKernel } from '../util/window';

// w[n] = α - β·cos(2πn/N) with α = 25/46, β = 21/46 (the spec's constants).
export default defineKernel('HammingWindow', windowKernel([25 / 46, 21 / 46]));
